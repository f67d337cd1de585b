package io.stancestream.streams.windows;

import io.stancestream.events.StanceLabel;
import io.stancestream.events.StanceTrend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.Window;

/**
 * The running stance aggregate of one outlet in one window, as kept in the window store {@code
 * stance-trends-tumbling}: counts per label and sums from which the means follow.
 */
public record StanceTally(
    long favor,
    long against,
    long neutral,
    double scoreSum,
    double confidenceSum,
    List<String> articleIds) {

  public static StanceTally empty() {
    return new StanceTally(0, 0, 0, 0, 0, List.of());
  }

  public long n() {
    return favor + against + neutral;
  }

  public double meanScore() {
    return n() == 0 ? 0 : scoreSum / n();
  }

  public double meanConfidence() {
    return n() == 0 ? 0 : confidenceSum / n();
  }

  public StanceTally add(StanceSample s, int sampleSize) {
    List<String> ids = articleIds;
    if (articleIds.size() < sampleSize) {
      ids = new ArrayList<>(articleIds);
      ids.add(s.articleId());
    }
    return new StanceTally(
        favor + (s.label() == StanceLabel.FAVOR ? 1 : 0),
        against + (s.label() == StanceLabel.AGAINST ? 1 : 0),
        neutral + (s.label() == StanceLabel.NEUTRAL ? 1 : 0),
        scoreSum + s.score(),
        confidenceSum + s.confidence(),
        ids);
  }

  public StanceTrend toEvent(String outlet, Window w, boolean isFinal) {
    Map<StanceLabel, Long> counts = new EnumMap<>(StanceLabel.class);
    counts.put(StanceLabel.FAVOR, favor);
    counts.put(StanceLabel.AGAINST, against);
    counts.put(StanceLabel.NEUTRAL, neutral);
    return new StanceTrend(
        StanceTrend.SCHEMA_VERSION,
        outlet,
        Instant.ofEpochMilli(w.start()),
        Instant.ofEpochMilli(w.end()),
        counts,
        n(),
        meanScore(),
        meanConfidence(),
        articleIds,
        isFinal);
  }
}
