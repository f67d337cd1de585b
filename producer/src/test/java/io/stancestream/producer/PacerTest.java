package io.stancestream.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Pacing with a fake clock: the sleeper advances time by what it was asked to wait. */
class PacerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> waits = new ArrayList<>();

  private Pacer pacer(double rate, double speed) {
    return new Pacer(
        rate,
        speed,
        d -> {
          waits.add(d);
          now.addAndGet(d.toNanos());
          return true;
        },
        now::get);
  }

  private static Article at(String publishedAt) {
    return new Article(
        1,
        "id",
        null,
        "t",
        null,
        null,
        publishedAt == null ? null : Instant.parse(publishedAt),
        "en",
        "b",
        "s",
        Instant.EPOCH);
  }

  @Test
  void rateSpacesRecordsEvenly() throws Exception {
    Pacer p = pacer(4, 0);
    for (int i = 0; i < 3; i++) {
      assertThat(p.await(at(null))).isTrue();
    }
    assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }

  @Test
  void rateCountsTimeAlreadySpent() throws Exception {
    Pacer p = pacer(2, 0);
    p.await(at(null));
    now.addAndGet(Duration.ofMillis(400).toNanos());
    p.await(at(null));
    assertThat(waits).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void speedCompressesTheGapsBetweenPublicationTimes() throws Exception {
    Pacer p = pacer(0, 60); // one minute of news per second
    p.await(at("2025-06-20T10:00:00Z"));
    p.await(at("2025-06-20T10:02:00Z"));
    p.await(at(null)); // undated: at once
    p.await(at("2025-06-20T10:02:30Z"));
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(500));
  }

  @Test
  void theLongerOfRateAndSpeedWins() throws Exception {
    Pacer p = pacer(1, 3600);
    p.await(at("2025-06-20T10:00:00Z"));
    p.await(at("2025-06-20T10:00:01Z")); // speed alone: 1/3600 s; rate: 1 s
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aStoppedRunEndsTheWait() throws Exception {
    Pacer p = new Pacer(1, 0, d -> false, now::get);
    assertThat(p.await(at(null))).isTrue();
    assertThat(p.await(at(null))).isFalse();
  }
}
