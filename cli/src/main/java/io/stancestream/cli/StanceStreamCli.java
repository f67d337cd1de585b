package io.stancestream.cli;

import io.stancestream.analysis.eval.EvalCommand;
import io.stancestream.producer.ProduceCommand;
import io.stancestream.streams.RunCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./stancestream}: the one entry point. Each subcommand is a small {@code
 * Callable<Integer>}; exit codes are 0 success, 1 some input rejected or a check failed, 2 usage.
 */
@Command(
    name = "stancestream",
    mixinStandardHelpOptions = true,
    version = "StanceStream 0.1.0",
    description = "Live stance toward Ukraine's NATO membership, scored on Kafka Streams.",
    subcommands = {
      DemoCommand.class,
      ProduceCommand.class,
      RunCommand.class,
      BrokerCommand.class,
      TopicsCommand.class,
      ChaosCommand.class,
      ReplayDlqCommand.class,
      BenchCommand.class,
      EvalCommand.class
    })
public final class StanceStreamCli implements Callable<Integer> {

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (Throwable t) {
      // Errors (not exceptions) escape picocli; never leave broker threads keeping the JVM alive.
      t.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  /** The command line with every subcommand and the project's exit-code conventions. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new StanceStreamCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
          return e instanceof IllegalArgumentException ? 2 : 1;
        });
    return cli;
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return 2;
  }
}
