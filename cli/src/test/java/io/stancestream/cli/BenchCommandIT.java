package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.events.JsonSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code bench --json} on a tiny backlog: the plumbing works end to end (embedded broker, both
 * topologies under both guarantees, scorer, latency) and stdout holds exactly one JSON object with
 * the contract keys. No figure is judged: they depend on the machine.
 */
@Tag("integration")
class BenchCommandIT {

  @Test
  void printsOneJsonObjectWithTheContractKeys() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = StanceStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    int code =
        cli.execute(
            "bench",
            "--config",
            "../config/stancestream.properties",
            "--set",
            "config.dir=../config",
            "--articles",
            "200",
            "--repetitions",
            "1",
            "--latency-articles",
            "20",
            "--latency-rate",
            "20",
            "--json");

    assertThat(code).isZero();
    String[] lines = out.toString().strip().split("\\R");
    assertThat(lines).hasSize(1);
    JsonNode json = JsonSerde.MAPPER.readTree(lines[0]);
    assertThat(json.fieldNames())
        .toIterable()
        .contains(
            "passthrough_rps",
            "full_rps",
            "full_over_passthrough",
            "scorer_articles_per_s",
            "latency_ms",
            "peak_heap_mb",
            "producer_rps",
            "exactly_once_v2",
            "at_least_once");
    assertThat(json.get("articles").asInt()).isEqualTo(200);
    assertThat(json.get("passthrough_rps").asDouble()).isPositive();
    assertThat(json.get("full_rps").asDouble()).isPositive();
    assertThat(json.get("full_over_passthrough").asDouble())
        .isEqualTo(
            json.get("full_rps").asDouble() / json.get("passthrough_rps").asDouble(),
            org.assertj.core.data.Offset.offset(0.002));
    assertThat(json.get("at_least_once").get("full_over_passthrough").isNumber()).isTrue();
    for (String topology : new String[] {"passthrough", "full"}) {
      assertThat(json.get("exactly_once_v2").get(topology + "_committed_rps").asDouble())
          .isPositive();
    }
    assertThat(json.get("full_over_passthrough_committed").isNumber()).isTrue();
    assertThat(json.get("latency_ms").get("samples").asInt()).isPositive();
    assertThat(json.get("latency_ms").get("p99").asDouble())
        .isGreaterThanOrEqualTo(json.get("latency_ms").get("p50").asDouble());
    assertThat(json.get("peak_heap_mb").asDouble()).isPositive();
  }
}
