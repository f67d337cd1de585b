package io.stancestream.streams.alerts;

import io.stancestream.events.StanceStreamConfig;

/**
 * The three alert rules and their thresholds, read from settings ({@code alert.*} in {@code
 * config/stancestream.properties}, overridable like any setting).
 *
 * <ul>
 *   <li><b>mention-spike</b>: in a closed tumbling window a topic has {@code count >= factor x
 *       max(baseline, min-baseline)} and {@code count >= min-count}, where the baseline is the mean
 *       count over the previous {@code baseline-windows} windows (windows without mentions count as
 *       0). No spike fires until the detector has watched {@code baseline-windows} windows.
 *   <li><b>stance-shift</b>: in a closed tumbling window an outlet (or {@code *}) has at least
 *       {@code min-articles} articles, the previous {@code baseline-windows} windows have at least
 *       {@code min-articles} together, and the window's mean score differs from their mean
 *       (weighted by articles) by at least {@code min-delta}.
 *   <li><b>strong-stance</b>: an article with {@code |score| >= min-abs-score} and {@code
 *       confidence >= min-confidence}; fires at once, per article.
 * </ul>
 */
public record AlertRules(MentionSpike mentionSpike, StanceShift stanceShift, StrongStance strong) {

  /** Thresholds of the mention-spike rule. */
  public record MentionSpike(
      boolean enabled, double factor, long minCount, int baselineWindows, double minBaseline) {
    public MentionSpike {
      if (factor <= 0 || baselineWindows < 1 || minBaseline <= 0) {
        throw new IllegalArgumentException(
            "alert.mention-spike: factor and min-baseline must be > 0, baseline-windows >= 1");
      }
    }
  }

  /** Thresholds of the stance-shift rule. */
  public record StanceShift(
      boolean enabled, double minDelta, long minArticles, int baselineWindows) {
    public StanceShift {
      if (minDelta <= 0 || minArticles < 1 || baselineWindows < 1) {
        throw new IllegalArgumentException(
            "alert.stance-shift: min-delta must be > 0, min-articles and baseline-windows >= 1");
      }
    }
  }

  /** Thresholds of the strong-stance rule. */
  public record StrongStance(boolean enabled, double minAbsScore, double minConfidence) {}

  public static AlertRules from(StanceStreamConfig cfg) {
    return new AlertRules(
        new MentionSpike(
            cfg.getBoolean("alert.mention-spike.enabled", true),
            cfg.getDouble("alert.mention-spike.factor", 3.0),
            cfg.getInt("alert.mention-spike.min-count", 10),
            cfg.getInt("alert.mention-spike.baseline-windows", 6),
            cfg.getDouble("alert.mention-spike.min-baseline", 1.0)),
        new StanceShift(
            cfg.getBoolean("alert.stance-shift.enabled", true),
            cfg.getDouble("alert.stance-shift.min-delta", 0.4),
            cfg.getInt("alert.stance-shift.min-articles", 5),
            cfg.getInt("alert.stance-shift.baseline-windows", 6)),
        new StrongStance(
            cfg.getBoolean("alert.strong-stance.enabled", true),
            cfg.getDouble("alert.strong-stance.min-abs-score", 0.8),
            cfg.getDouble("alert.strong-stance.min-confidence", 0.7)));
  }
}
