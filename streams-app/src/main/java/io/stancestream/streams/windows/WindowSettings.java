package io.stancestream.streams.windows;

import io.stancestream.events.StanceStreamConfig;
import java.time.Duration;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * Window sizes, advance and grace for the windowed sub-topologies, read from settings:
 *
 * <ul>
 *   <li>{@code window.tumbling.size} (1h): topic mentions and stance trends per window;
 *   <li>{@code window.hopping.size} (24h) advancing by {@code window.hopping.advance} (1h): rolling
 *       topic mentions;
 *   <li>{@code window.grace} (1h): how late (in event time, behind the newest article seen) an
 *       article may arrive and still be counted; later ones are dropped from the windows (they
 *       still get their {@code article-stance} record). Final results appear at window end + grace;
 *   <li>{@code window.store.retention} (7d): how long window stores keep windows for queries (at
 *       least size + grace);
 *   <li>{@code window.sample.size} (10): article ids kept per window as examples and links;
 *   <li>{@code event.time.max.future} (30m): a {@code publishedAt} further ahead of the record
 *       timestamp than this is not trusted.
 * </ul>
 */
public record WindowSettings(
    Duration tumblingSize,
    Duration hoppingSize,
    Duration hoppingAdvance,
    Duration grace,
    Duration storeRetention,
    int sampleSize,
    Duration maxFuture) {

  public WindowSettings {
    requirePositive("window.tumbling.size", tumblingSize);
    requirePositive("window.hopping.size", hoppingSize);
    requirePositive("window.hopping.advance", hoppingAdvance);
    requirePositive("event.time.max.future", maxFuture);
    if (hoppingAdvance.compareTo(hoppingSize) > 0) {
      throw new IllegalArgumentException(
          "window.hopping.advance (" + hoppingAdvance + ") exceeds window.hopping.size");
    }
    if (grace.isNegative()) {
      throw new IllegalArgumentException("window.grace must not be negative: " + grace);
    }
    if (sampleSize < 0) {
      throw new IllegalArgumentException("window.sample.size must not be negative");
    }
  }

  public static WindowSettings from(StanceStreamConfig cfg) {
    return new WindowSettings(
        cfg.getDuration("window.tumbling.size", Duration.ofHours(1)),
        cfg.getDuration("window.hopping.size", Duration.ofHours(24)),
        cfg.getDuration("window.hopping.advance", Duration.ofHours(1)),
        cfg.getDuration("window.grace", Duration.ofHours(1)),
        cfg.getDuration("window.store.retention", Duration.ofDays(7)),
        cfg.getInt("window.sample.size", 10),
        cfg.getDuration("event.time.max.future", Duration.ofMinutes(30)));
  }

  public TimeWindows tumbling() {
    return TimeWindows.ofSizeAndGrace(tumblingSize, grace);
  }

  public TimeWindows hopping() {
    return TimeWindows.ofSizeAndGrace(hoppingSize, grace).advanceBy(hoppingAdvance);
  }

  /**
   * Whether each hopping window is a union of whole tumbling windows (the tumbling size divides the
   * hopping size and advance), so hopping counts can be summed from the tumbling ones.
   */
  public boolean hoppingFromTumbling() {
    long t = tumblingSize.toMillis();
    return hoppingSize.toMillis() % t == 0 && hoppingAdvance.toMillis() % t == 0;
  }

  /** Store retention for windows of the given size: the setting, but never below size + grace. */
  public Duration retentionFor(Duration size) {
    Duration minimum = size.plus(grace);
    return storeRetention.compareTo(minimum) < 0 ? minimum : storeRetention;
  }

  /** Start of the tumbling window holding {@code timestampMs} (windows align to the epoch). */
  public long tumblingStart(long timestampMs) {
    long size = tumblingSize.toMillis();
    return timestampMs - Math.floorMod(timestampMs, size);
  }

  private static void requirePositive(String key, Duration d) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(key + " must be positive: " + d);
    }
  }
}
