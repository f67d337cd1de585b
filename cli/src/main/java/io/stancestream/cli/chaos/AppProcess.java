package io.stancestream.cli.chaos;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The streams app as a separate operating-system process ({@code stancestream run} in a child JVM),
 * so that it can be killed the hard way: {@link #kill()} sends SIGKILL, leaving no chance to flush,
 * commit or close, exactly like a crashed machine. Output of every incarnation is appended to one
 * log file.
 */
final class AppProcess implements AutoCloseable {

  private final List<String> command;
  private final Path workDir;
  private final Path log;
  private Process process;
  private int starts;

  AppProcess(List<String> command, Path workDir, Path log) {
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.log = log;
  }

  /** Starts a new incarnation of the app. */
  synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the app is already running (pid " + process.pid() + ")");
    }
    starts++;
    process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .start();
  }

  /** SIGKILL, and waits until the process is gone. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /** Exit code of the last incarnation if it has ended by itself, else null. */
  synchronized Integer exitCode() {
    return process != null && !process.isAlive() ? process.exitValue() : null;
  }

  int starts() {
    return starts;
  }

  Path log() {
    return log;
  }

  /** SIGTERM (the app's shutdown hook closes it cleanly); SIGKILL if it takes over 30 s. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }
}
