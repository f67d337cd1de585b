package io.stancestream.cli.chaos;

import io.stancestream.events.JsonSerde;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a chaos run as one JSON object. The first seven fields are the contract ({@code
 * inputs, outputs, missing, duplicates, count_mismatches, kills, seconds}); the rest break the
 * totals down and are additive.
 *
 * <ul>
 *   <li>{@code inputs}: distinct valid articles published (watermark articles included);
 *   <li>{@code outputs}: {@code article-stance} records committed;
 *   <li>{@code missing}: valid articles without an {@code article-stance} record, plus poison
 *       records without a dead letter;
 *   <li>{@code duplicates}: surplus records: second {@code article-stance} records of an id, second
 *       dead letters of a poison record, second final records of a window, second alerts of an id;
 *   <li>{@code count_mismatches}: final windows (topic-mentions-final tumbling and hopping,
 *       stance-trends) missing, extra or different from the recomputation, strong-stance alerts
 *       missing or unexpected, and {@code article-stance} records for ids never published.
 * </ul>
 */
public record ChaosReport(Map<String, Object> fields, boolean exact) {

  static ChaosReport of(
      Expectations expected,
      OutputVerifier.Verdict v,
      ChaosInput input,
      int kills,
      int starts,
      int selfExits,
      long seed,
      double seconds,
      List<String> problems,
      Path appLog) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("inputs", expected.articles().size());
    f.put("outputs", v.outputs());
    f.put("missing", v.missing());
    f.put("duplicates", v.duplicates());
    f.put("count_mismatches", v.countMismatches());
    f.put("kills", kills);
    f.put("seconds", seconds);
    f.put("seed", seed);
    f.put("records_published", input.size());
    f.put("poison", expected.poisonKeys().size());
    f.put("republished", input.republishedCount());
    f.put("app_starts", starts);
    // Exits the app made by itself (it was restarted, as a supervisor would): not a loss of
    // exactness, but each one is a robustness bug worth reading in the app log.
    f.put("app_self_exits", selfExits);
    f.put("window_grace", expected.windows().grace().toString());
    Map<String, Object> dlq = new LinkedHashMap<>();
    dlq.put("records", v.dlqRecords());
    dlq.put("missing", v.dlqMissing());
    dlq.put("duplicates", v.dlqDuplicates());
    f.put("dlq", dlq);
    Map<String, Object> windows = new LinkedHashMap<>();
    windows.put("topic_mentions_final", v.mentionWindows());
    windows.put("topic_mentions_mismatches", v.mentionMismatches());
    windows.put("stance_trends_final", v.trendWindows());
    windows.put("stance_trends_mismatches", v.trendMismatches());
    windows.put("final_duplicates", v.finalDuplicates());
    f.put("windows", windows);
    Map<String, Object> alerts = new LinkedHashMap<>();
    alerts.put("records", v.alerts());
    alerts.put("duplicates", v.alertDuplicates());
    alerts.put("strong_stance_expected", v.strongExpected());
    alerts.put("strong_stance_missing", v.strongMissing());
    alerts.put("strong_stance_unexpected", v.strongUnexpected());
    f.put("alerts", alerts);
    f.put("problems", problems);
    f.put("examples", v.examples());
    f.put("app_log", appLog.toString());
    boolean exact =
        problems.isEmpty()
            && v.missing() == 0
            && v.duplicates() == 0
            && v.countMismatches() == 0
            && v.outputs() > 0;
    f.put("exact", exact);
    return new ChaosReport(f, exact);
  }

  public String toJson() {
    try {
      return JsonSerde.MAPPER.writeValueAsString(fields);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
