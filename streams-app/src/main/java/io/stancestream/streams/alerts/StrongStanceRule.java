package io.stancestream.streams.alerts;

import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.Stance;
import io.stancestream.streams.windows.WindowSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The strong-stance rule (see {@link AlertRules}): one article whose score and confidence both pass
 * the thresholds. The alert's window is the tumbling window holding the article's event time (the
 * record timestamp, as the windows see it), so its key is {@code
 * strong-stance@articleId@windowStart}.
 */
public final class StrongStanceRule
    extends ContextualProcessor<String, ArticleStance, String, Alert> {

  private final AlertRules.StrongStance rule;
  private final WindowSettings windows;

  public StrongStanceRule(AlertRules.StrongStance rule, WindowSettings windows) {
    this.rule = rule;
    this.windows = windows;
  }

  @Override
  public void process(Record<String, ArticleStance> record) {
    long start = windows.tumblingStart(record.timestamp());
    long end = start + windows.tumblingSize().toMillis();
    evaluate(record.value(), start, end)
        .ifPresent(a -> context().forward(new Record<>(a.id(), a, record.timestamp())));
  }

  /** The alert for this article, if it argues strongly enough. */
  public Optional<Alert> evaluate(ArticleStance s, long windowStartMs, long windowEndMs) {
    Stance stance = s.stance();
    if (!rule.enabled()
        || stance == null
        || Math.abs(stance.score()) < rule.minAbsScore()
        || stance.confidence() < rule.minConfidence()) {
      return Optional.empty();
    }
    Instant start = Instant.ofEpochMilli(windowStartMs);
    String id = Alert.idOf(Alert.STRONG_STANCE, s.articleId(), start);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("score", stance.score());
    figures.put("confidence", stance.confidence());
    figures.put("minAbsScore", rule.minAbsScore());
    figures.put("minConfidence", rule.minConfidence());
    List<String> links = new ArrayList<>();
    if (s.url() != null && !s.url().isBlank()) {
      links.add(s.url());
    }
    String title = s.title() == null || s.title().isBlank() ? s.articleId() : s.title();
    return Optional.of(
        new Alert(
            Alert.SCHEMA_VERSION,
            id,
            Alert.STRONG_STANCE,
            s.articleId(),
            start,
            Instant.ofEpochMilli(windowEndMs),
            figures,
            List.of(s.articleId()),
            links,
            message(stance, title, s.outlet())));
  }

  /**
   * {@code Strongly AGAINST: "title" in outlet (score -0.91, confidence 0.97)}. Built by hand: it
   * runs for every strong article, and {@code String.format} cost more than the rest of the rule.
   */
  static String message(Stance stance, String title, String outlet) {
    StringBuilder sb = new StringBuilder(title.length() + 80);
    sb.append("Strongly ").append(stance.label()).append(": \"").append(title).append('"');
    if (outlet != null) {
      sb.append(" in ").append(outlet);
    }
    sb.append(" (score ").append(stance.score() < 0 ? "" : "+");
    appendFixed2(sb, stance.score());
    sb.append(", confidence ");
    appendFixed2(sb, stance.confidence());
    return sb.append(')').toString();
  }

  /** {@code v} with two decimals, like {@code %.2f} in the root locale. */
  static void appendFixed2(StringBuilder sb, double v) {
    long cents = Math.round(Math.abs(v) * 100);
    if (v < 0 && cents != 0) {
      sb.append('-');
    }
    sb.append(cents / 100).append('.');
    if (cents % 100 < 10) {
      sb.append('0');
    }
    sb.append(cents % 100);
  }
}
