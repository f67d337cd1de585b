package io.stancestream.cli.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a run's topology finished its first and its n-th record: ticked by the topology itself
 * (after the passthrough's deserialisation, after the full topology's scoring), so the rate between
 * the two excludes start-up and the wait for the last commit. Results become visible to readers
 * only at commits (every {@code commit.interval}), so a rate timed on the output topic is quantised
 * by the commit interval: a passthrough that processed 5,000 records in 0.5 s showed ~4,000/s
 * there, because its last records appeared at the next commit.
 */
final class ProcessedClock {

  private final long n;
  private final AtomicLong count = new AtomicLong();
  private volatile long firstNanos = -1;
  private volatile long nthNanos = -1;

  ProcessedClock(long n) {
    this.n = n;
  }

  /** One record processed. Thread-safe: several stream threads may tick. */
  void tick() {
    long c = count.incrementAndGet();
    if (c == 1) {
      firstNanos = System.nanoTime();
    }
    if (c == n) {
      nthNanos = System.nanoTime();
    }
  }

  /** Records per second from the first to the n-th processed record; NaN until the n-th is done. */
  double recordsPerSecond() {
    long first = firstNanos;
    long nth = nthNanos;
    return nth < 0 || first < 0 || nth == first ? Double.NaN : (n - 1) * 1e9 / (nth - first);
  }
}
