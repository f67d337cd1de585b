package io.stancestream.streams.alerts;

import io.stancestream.events.Alert;
import io.stancestream.streams.windows.MentionCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The mention-spike rule (see {@link AlertRules}) over <em>final</em> tumbling-window counts: each
 * topic's closed windows arrive once and in order, so the trailing baseline is exact and an alert
 * cannot be raised twice for a window. Emits alerts keyed by {@code mention-spike@topic@start}.
 *
 * <p>The history store keeps, per topic, the counts of its last {@code baseline-windows} windows,
 * and under {@link #WATCH_KEY} the first window this task ever closed: before it has watched {@code
 * baseline-windows} windows every topic would look new, so no spike fires during warm-up.
 */
public final class MentionSpikeDetector
    implements Processor<Windowed<String>, MentionCount, String, Alert> {

  /** Reserved history key (topic ids never contain NUL). */
  static final String WATCH_KEY = "\u0000watch";

  private final AlertRules.MentionSpike rule;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, WindowHistory> history;

  public MentionSpikeDetector(AlertRules.MentionSpike rule, String storeName) {
    this.rule = rule;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.history = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<Windowed<String>, MentionCount> record) {
    String topic = record.key().key();
    Window w = record.key().window();
    MentionCount current = record.value();
    long size = w.end() - w.start();
    long from = w.start() - rule.baselineWindows() * size;

    WindowHistory watch = history.get(WATCH_KEY);
    if (watch == null) {
      watch = WindowHistory.startingAt(w.start());
      history.put(WATCH_KEY, watch);
    }
    WindowHistory own = history.get(topic);
    if (own == null) {
      own = WindowHistory.startingAt(w.start());
    }

    if (watch.firstStart() <= from) {
      long prior = own.between(from, w.start()).stream().mapToLong(WindowHistory.Figure::n).sum();
      double baseline = (double) prior / rule.baselineWindows();
      double threshold =
          Math.max(rule.factor() * Math.max(baseline, rule.minBaseline()), rule.minCount());
      if (current.count() >= threshold) {
        context.forward(
            new Record<>(
                alertId(topic, w),
                alert(topic, w, current, baseline, threshold),
                record.timestamp()));
      }
    }
    history.put(
        topic,
        own.with(
            new WindowHistory.Figure(w.start(), current.count(), 0),
            w.start() + size - rule.baselineWindows() * size));
  }

  private static String alertId(String topic, Window w) {
    return Alert.idOf(Alert.MENTION_SPIKE, topic, Instant.ofEpochMilli(w.start()));
  }

  private Alert alert(
      String topic, Window w, MentionCount current, double baseline, double threshold) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("count", (double) current.count());
    figures.put("articles", (double) current.articles());
    figures.put("baseline", baseline);
    figures.put("baselineWindows", (double) rule.baselineWindows());
    figures.put("factor", rule.factor());
    figures.put("minCount", (double) rule.minCount());
    figures.put("threshold", threshold);
    String ratio =
        baseline > 0
            ? String.format("%.1fx its baseline of %.2f", current.count() / baseline, baseline)
            : "no mentions in the previous " + rule.baselineWindows() + " windows";
    return new Alert(
        Alert.SCHEMA_VERSION,
        alertId(topic, w),
        Alert.MENTION_SPIKE,
        topic,
        Instant.ofEpochMilli(w.start()),
        Instant.ofEpochMilli(w.end()),
        figures,
        current.articleIds(),
        current.links(),
        String.format(
            "Mentions of %s spiked to %d in %s..%s (%s)",
            topic,
            current.count(),
            Instant.ofEpochMilli(w.start()),
            Instant.ofEpochMilli(w.end()),
            ratio));
  }
}
