package io.stancestream.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stance of one outlet (or of all outlets, {@link #ALL_OUTLETS}) in one tumbling event-time window,
 * on {@code stance-trends}. Key: {@code outlet@windowStart}.
 *
 * @param outlet the outlet name, or {@code *} for every outlet together
 * @param counts articles per stance label (every label present, zero when none)
 * @param n articles in the window
 * @param meanScore mean stance score in [-1, 1]
 * @param meanConfidence mean confidence in [0, 1]
 * @param articleIds a sample of the window's article ids
 * @param isFinal {@code true} only on the record emitted after the window closed
 */
public record StanceTrend(
    int schemaVersion,
    String outlet,
    Instant windowStart,
    Instant windowEnd,
    Map<StanceLabel, Long> counts,
    long n,
    double meanScore,
    double meanConfidence,
    List<String> articleIds,
    @JsonProperty("final") boolean isFinal) {

  public static final int SCHEMA_VERSION = 1;

  /** The pseudo-outlet under which every article is counted once more. */
  public static final String ALL_OUTLETS = "*";
}
