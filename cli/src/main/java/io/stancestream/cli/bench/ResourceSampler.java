package io.stancestream.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Samples this JVM's heap in use and resident set size every {@value #PERIOD_MS} ms on a daemon
 * thread and keeps the peaks. The embedded broker runs in the same JVM, so the figures cover broker
 * and streams app together. RSS is read from {@code /proc/self/status} (Linux); elsewhere it is -1.
 */
final class ResourceSampler implements AutoCloseable {

  private static final long PERIOD_MS = 100;
  private static final Path STATUS = Path.of("/proc/self/status");

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakHeapBytes;
  private volatile long peakRssBytes = -1;

  ResourceSampler() {
    thread = new Thread(this::loop, "bench-resource-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peakHeapBytes = Math.max(peakHeapBytes, memory.getHeapMemoryUsage().getUsed());
    // VmHWM is the kernel's own peak RSS, so short spikes between samples are not missed.
    long hwm = statusKb("VmHWM:");
    if (hwm >= 0) {
      peakRssBytes = Math.max(peakRssBytes, hwm * 1024);
    }
  }

  /** Peak heap in use, in MiB. */
  double peakHeapMb() {
    sample();
    return peakHeapBytes / 1048576.0;
  }

  /** Peak resident set size, in MiB; -1 where /proc is not available. */
  double peakRssMb() {
    sample();
    return peakRssBytes < 0 ? -1 : peakRssBytes / 1048576.0;
  }

  /** Maximum heap the JVM may use (-Xmx), in MiB. */
  double maxHeapMb() {
    return memory.getHeapMemoryUsage().getMax() / 1048576.0;
  }

  private static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
