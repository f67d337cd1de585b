package io.stancestream.producer;

import static io.stancestream.producer.Fixtures.fixture;
import static io.stancestream.producer.Fixtures.seeds;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code produce} command: exit codes, usage errors, dry runs and the rejects file. */
class ProduceCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int produce(String... args) {
    CommandLine cli = new CommandLine(new ProduceCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static final String NO_CONFIG = "--config=does-not-exist.properties";

  @Test
  void usageErrorsExitWith2AndSayWhy() {
    assertThat(produce(NO_CONFIG)).isEqualTo(2);
    assertThat(err.toString()).contains("give at least one PATH, URL or - (stdin), or --listen");
    assertThat(produce(NO_CONFIG, "--dry-run", "--rate", "fast", "x")).isEqualTo(2);
    assertThat(produce(NO_CONFIG, "--dry-run", "--rate", "0", "x")).isEqualTo(2);
    assertThat(produce(NO_CONFIG, "--dry-run", "--speed", "-2", "x")).isEqualTo(2);
    assertThat(produce(NO_CONFIG, "--dry-run", "--listen", "localhost:http", "x")).isEqualTo(2);
    assertThat(produce(NO_CONFIG, "--dry-run", "--map", "headline=title", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown article field in --map: headline");
    assertThat(produce(NO_CONFIG, "--dry-run", "--poll-interval", "soon", "x")).isEqualTo(2);
    assertThat(produce(NO_CONFIG, "--follow", "--dry-run", "-")).isEqualTo(2);
    assertThat(produce(NO_CONFIG, "--no-such-flag", "x")).isEqualTo(2);
  }

  @Test
  void theEmbeddedPlaceholderIsNotABrokerAddress() {
    assertThat(produce(NO_CONFIG, seeds().toString())).isEqualTo(2);
    assertThat(err.toString()).contains("pass --bootstrap-servers HOST:PORT");
  }

  @Test
  void helpDescribesEverySource() {
    assertThat(produce("--help")).isZero();
    assertThat(out.toString())
        .contains("PATH|URL|-")
        .contains("--follow")
        .contains("--listen")
        .contains("--rejects")
        .contains("--map")
        .contains("--speed")
        .contains("--rate");
  }

  @Test
  void aDryRunPrintsEachArticleAsAJsonLineAndExits0() throws Exception {
    assertThat(produce(NO_CONFIG, "--dry-run", fixture("good").toString(), seeds().toString()))
        .isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(14);
    Article first = JsonSerde.MAPPER.readValue(lines.get(0), Article.class);
    assertThat(first.title()).isEqualTo("Summit Communiqué Leaves Membership Question Open");
  }

  @Test
  void anyRejectionExits1AndIsWrittenToTheRejectsFile(@TempDir Path tmp) throws Exception {
    Path rejects = tmp.resolve("rejects.jsonl");
    int code =
        produce(
            NO_CONFIG,
            "--dry-run",
            "--rejects",
            rejects.toString(),
            "--map",
            "title=hed,body=copy",
            fixture("bad").toString(),
            fixture("mapped").toString());
    assertThat(code).isEqualTo(1);
    assertThat(Files.readAllLines(rejects)).hasSize(6);
    assertThat(out.toString().lines())
        .anySatisfy(l -> assertThat(l).contains("\"title\":\"Warsaw Wants a Timetable\""));
  }
}
