package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line's contract: every command is there, has help, and usage errors exit 2. */
class StanceStreamCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = StanceStreamCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void everyDesignedCommandIsRegisteredWithHelp() {
    for (String command :
        new String[] {"demo", "produce", "run", "broker", "topics", "eval", "bench", "chaos"}) {
      assertThat(run(command, "--help")).as(command).isZero();
    }
    assertThat(out.toString()).contains("Usage: stancestream demo").contains("--once");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("demo", "--no-such-option")).isEqualTo(2);
    assertThat(err.toString()).contains("--no-such-option");
  }

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void evalOfAMissingFileIsAUsageError() {
    assertThat(run("eval", "does-not-exist.jsonl")).isEqualTo(2);
  }

  @Test
  void demoRejectsAMalformedTimeout() {
    assertThat(run("demo", "--once", "--timeout", "soon")).isEqualTo(2);
  }
}
