package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

  @TempDir Path dir;

  private record Run(int exit, String err) {}

  private Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new RunCommand());
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, err.toString());
  }

  @Test
  void withoutAClusterItExplainsAndExitsWithAUsageError() {
    Run r = run("--config", dir.resolve("missing.properties").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--bootstrap-servers");
  }

  @Test
  void aMalformedSettingIsAUsageError() {
    Run r = run("--set", "oops");
    assertThat(r.exit()).isEqualTo(2);
  }

  @Test
  void helpDescribesTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new RunCommand());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("--bootstrap-servers", "--config", "--set", "--[no-]create-topics");
  }
}
