package io.stancestream.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.streams.ArticleScorer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * An {@link ArticleScorer} that measures the scorer it wraps: latency as a histogram ({@value
 * #LATENCY}) and articles scored per stance label ({@value #SCORED}). It records into Micrometer's
 * global registry, which costs nothing until a {@link StanceMetrics} (the {@code /metrics}
 * endpoint) joins it, so the topology stays free of metrics code.
 */
public final class TimedScorer implements ArticleScorer {

  public static final String LATENCY = "stancestream.scorer.latency";
  public static final String SCORED = "stancestream.articles.scored";

  private final ArticleScorer delegate;
  private final Timer latency;
  private final Map<StanceLabel, Counter> scored = new EnumMap<>(StanceLabel.class);

  TimedScorer(ArticleScorer delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.latency =
        Timer.builder(LATENCY)
            .description("Time the stance scorer takes for one article")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    for (StanceLabel label : StanceLabel.values()) {
      scored.put(
          label,
          Counter.builder(SCORED)
              .description("Articles scored by this instance, by stance label")
              .tag("label", label.name())
              .register(registry));
    }
  }

  /** Wraps {@code scorer} (once: an already timed scorer is returned as it is). */
  public static ArticleScorer of(ArticleScorer scorer) {
    return scorer instanceof TimedScorer ? scorer : new TimedScorer(scorer, Metrics.globalRegistry);
  }

  @Override
  public AnalysisResult analyze(String title, String body) {
    long start = System.nanoTime();
    AnalysisResult result;
    try {
      result = delegate.analyze(title, body);
    } finally {
      latency.record(Duration.ofNanos(System.nanoTime() - start));
    }
    if (result != null && result.label() != null) {
      scored.get(result.label()).increment();
    }
    return result;
  }
}
