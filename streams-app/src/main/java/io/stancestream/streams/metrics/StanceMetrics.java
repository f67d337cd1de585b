package io.stancestream.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The metrics behind {@code /metrics}, in Prometheus text format: the Kafka Streams client's own
 * metrics ({@code kafka_stream_*}, {@code kafka_consumer_*}, {@code kafka_producer_*}), JVM and
 * process metrics, and StanceStream's:
 *
 * <ul>
 *   <li>{@code stancestream_articles_scored_total{label}} and {@code
 *       stancestream_scorer_latency_seconds} (histogram), from {@link TimedScorer} in this JVM;
 *   <li>{@code stancestream_dlq_records_total{reason}}, {@code stancestream_alerts_total{rule}} and
 *       {@code stancestream_end_to_end_lag_seconds{from="published"|"ingested"}} (histogram: from
 *       the article's publication or ingestion to the moment its committed result is read back),
 *       observed on the output topics. Every instance observes every output record, so these are
 *       cluster-wide figures: aggregate them across instances with {@code max}, not {@code sum}.
 * </ul>
 */
public final class StanceMetrics implements AutoCloseable {

  public static final String DLQ_RECORDS = "stancestream.dlq.records";
  public static final String ALERTS = "stancestream.alerts";
  public static final String LAG = "stancestream.end.to.end.lag";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final KafkaStreamsMetrics streamsMetrics;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
  private final Timer lagFromPublished;
  private final Timer lagFromIngested;

  public StanceMetrics(KafkaStreams streams, String applicationId) {
    registry.config().commonTags("application", applicationId);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    lagFromPublished = lag("published", Duration.ofDays(30));
    lagFromIngested = lag("ingested", Duration.ofHours(1));
    // The scorer's meters live in the global registry (see TimedScorer); joining it exports them.
    Metrics.addRegistry(registry);
  }

  private Timer lag(String from, Duration max) {
    return Timer.builder(LAG)
        .description("Time from the article's " + from + " instant to its committed result")
        .tag("from", from)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(max)
        .register(registry);
  }

  /**
   * Records the end-to-end lag of one committed {@code article-stance} result read at {@code now}.
   */
  public void onResult(ArticleStance s, Instant now) {
    if (s.publishedAt() != null && !s.publishedAt().isAfter(now)) {
      lagFromPublished.record(Duration.between(s.publishedAt(), now));
    }
    if (s.ingestedAt() != null && !s.ingestedAt().isAfter(now)) {
      lagFromIngested.record(Duration.between(s.ingestedAt(), now));
    }
  }

  public void onDeadLetter(DeadLetter d) {
    Counter.builder(DLQ_RECORDS)
        .description("Records on the dead-letter topic, by reason")
        .tag("reason", d.reason() == null ? "unknown" : d.reason())
        .register(registry)
        .increment();
  }

  public void onAlert(Alert a) {
    Counter.builder(ALERTS)
        .description("Alerts published, by rule")
        .tag("rule", a.rule() == null ? "unknown" : a.rule())
        .register(registry)
        .increment();
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    Metrics.removeRegistry(registry);
    streamsMetrics.close();
    gcMetrics.close();
    registry.close();
  }
}
