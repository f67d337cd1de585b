package io.stancestream.streams.alerts;

import io.stancestream.events.Alert;
import io.stancestream.events.StanceTrend;
import io.stancestream.streams.windows.StanceTally;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.Window;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stance-shift rule (see {@link AlertRules}) over <em>final</em> tumbling-window stance tallies
 * per outlet (and {@code *}): compares a closed window's mean score with the mean of the previous
 * {@code baseline-windows} windows, weighted by articles. Emits alerts keyed by {@code
 * stance-shift@outlet@start}. The history store keeps each outlet's recent windows.
 */
public final class StanceShiftDetector
    implements Processor<Windowed<String>, StanceTally, String, Alert> {

  private final AlertRules.StanceShift rule;
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, WindowHistory> history;

  public StanceShiftDetector(AlertRules.StanceShift rule, String storeName) {
    this.rule = rule;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.history = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<Windowed<String>, StanceTally> record) {
    String outlet = record.key().key();
    Window w = record.key().window();
    StanceTally current = record.value();
    long size = w.end() - w.start();
    long from = w.start() - rule.baselineWindows() * size;

    WindowHistory own = history.get(outlet);
    if (own == null) {
      own = WindowHistory.startingAt(w.start());
    }
    List<WindowHistory.Figure> prior = own.between(from, w.start());
    long trailingN = prior.stream().mapToLong(WindowHistory.Figure::n).sum();
    double trailingSum = prior.stream().mapToDouble(WindowHistory.Figure::sum).sum();
    if (current.n() >= rule.minArticles() && trailingN >= rule.minArticles()) {
      double trailingMean = trailingSum / trailingN;
      double delta = current.meanScore() - trailingMean;
      if (Math.abs(delta) >= rule.minDelta()) {
        context.forward(
            new Record<>(
                alertId(outlet, w),
                alert(outlet, w, current, trailingMean, delta, trailingN),
                record.timestamp()));
      }
    }
    history.put(
        outlet,
        own.with(
            new WindowHistory.Figure(w.start(), current.n(), current.scoreSum()),
            w.start() + size - rule.baselineWindows() * size));
  }

  private static String alertId(String outlet, Window w) {
    return Alert.idOf(Alert.STANCE_SHIFT, outlet, Instant.ofEpochMilli(w.start()));
  }

  private Alert alert(
      String outlet,
      Window w,
      StanceTally current,
      double trailingMean,
      double delta,
      long trailingN) {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("meanScore", current.meanScore());
    figures.put("trailingMean", trailingMean);
    figures.put("delta", delta);
    figures.put("minDelta", rule.minDelta());
    figures.put("n", (double) current.n());
    figures.put("trailingN", (double) trailingN);
    figures.put("baselineWindows", (double) rule.baselineWindows());
    return new Alert(
        Alert.SCHEMA_VERSION,
        alertId(outlet, w),
        Alert.STANCE_SHIFT,
        outlet,
        Instant.ofEpochMilli(w.start()),
        Instant.ofEpochMilli(w.end()),
        figures,
        current.articleIds(),
        current.articleIds().stream().filter(StanceShiftDetector::isUrl).toList(),
        String.format(
            "Stance of %s shifted %s by %+.2f (mean %.2f over %d articles vs %.2f over the"
                + " previous %d)",
            StanceTrend.ALL_OUTLETS.equals(outlet) ? "all outlets" : outlet,
            delta > 0 ? "toward FAVOR" : "toward AGAINST",
            delta,
            current.meanScore(),
            current.n(),
            trailingMean,
            trailingN));
  }

  static boolean isUrl(String id) {
    return id != null && (id.startsWith("https://") || id.startsWith("http://"));
  }
}
