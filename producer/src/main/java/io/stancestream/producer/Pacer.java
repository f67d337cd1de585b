package io.stancestream.producer;

import io.stancestream.events.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Paces publishing: {@code rate} caps records per second; {@code speed} replays at that many times
 * the original pace by {@code publishedAt} (2.0 = twice as fast; articles without a date go at
 * once). Both may apply; the longer wait wins. Zero turns either off.
 */
public final class Pacer {

  /** Waits; returns false when the wait was cut short because the run is stopping. */
  @FunctionalInterface
  public interface Sleeper {
    boolean sleep(Duration duration) throws InterruptedException;
  }

  private final double rate;
  private final double speed;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private long lastSendNanos = Long.MIN_VALUE;
  private Instant lastPublishedAt;
  private long lastPublishedSendNanos;

  public Pacer(double rate, double speed, Sleeper sleeper, LongSupplier nanoTime) {
    if (rate < 0 || speed < 0 || Double.isNaN(rate) || Double.isNaN(speed)) {
      throw new IllegalArgumentException("rate and speed must be positive (or 0 for off)");
    }
    this.rate = rate;
    this.speed = speed;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  public static Pacer unlimited() {
    return new Pacer(0, 0, d -> true, System::nanoTime);
  }

  /** How long to wait before sending {@code article}, given what was sent before. */
  Duration delayFor(Article article, long nowNanos) {
    long wait = 0;
    if (rate > 0 && lastSendNanos != Long.MIN_VALUE) {
      long interval = (long) (1_000_000_000L / rate);
      wait = Math.max(wait, lastSendNanos + interval - nowNanos);
    }
    Instant published = article.publishedAt();
    if (speed > 0
        && published != null
        && lastPublishedAt != null
        && published.isAfter(lastPublishedAt)) {
      long gap = Duration.between(lastPublishedAt, published).toNanos();
      long target = lastPublishedSendNanos + (long) (gap / speed);
      wait = Math.max(wait, target - nowNanos);
    }
    return Duration.ofNanos(Math.max(0, wait));
  }

  /** Waits until {@code article} may be sent; false if the run is stopping. */
  public boolean await(Article article) throws InterruptedException {
    Duration delay = delayFor(article, nanoTime.getAsLong());
    if (!delay.isZero() && !sleeper.sleep(delay)) {
      return false;
    }
    long now = nanoTime.getAsLong();
    lastSendNanos = now;
    if (article.publishedAt() != null
        && (lastPublishedAt == null || !article.publishedAt().isBefore(lastPublishedAt))) {
      lastPublishedAt = article.publishedAt();
      lastPublishedSendNanos = now;
    }
    return true;
  }
}
