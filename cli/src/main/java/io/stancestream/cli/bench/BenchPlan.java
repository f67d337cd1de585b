package io.stancestream.cli.bench;

import java.util.List;

/**
 * What one bench run does.
 *
 * @param articles records in the backlog each topology consumes
 * @param repetitions timed repetitions of each measurement (the report gives their median)
 * @param articleChars average body length of the generated articles
 * @param guarantee the processing guarantee of the headline figures
 * @param latencyArticles articles published for the latency measurement
 * @param latencyRate their rate per second
 * @param quick only the headline guarantee and no latency run (for tuning loops)
 */
public record BenchPlan(
    int articles,
    int repetitions,
    int articleChars,
    String guarantee,
    int latencyArticles,
    double latencyRate,
    boolean quick) {

  public static final String EXACTLY_ONCE_V2 = "exactly_once_v2";
  public static final String AT_LEAST_ONCE = "at_least_once";

  public BenchPlan {
    if (articles < 1) {
      throw new IllegalArgumentException("--articles must be at least 1: " + articles);
    }
    if (repetitions < 1) {
      throw new IllegalArgumentException("--repetitions must be at least 1: " + repetitions);
    }
    if (articleChars < 200) {
      throw new IllegalArgumentException("--article-chars must be at least 200: " + articleChars);
    }
    if (!guarantee.equals(EXACTLY_ONCE_V2) && !guarantee.equals(AT_LEAST_ONCE)) {
      throw new IllegalArgumentException(
          "--guarantee must be " + EXACTLY_ONCE_V2 + " or " + AT_LEAST_ONCE + ": " + guarantee);
    }
    if (latencyArticles < 10 || latencyRate <= 0) {
      throw new IllegalArgumentException("latency needs at least 10 articles and a positive rate");
    }
  }

  /** The headline guarantee first, then the other one. */
  public List<String> guarantees() {
    if (quick) {
      return List.of(guarantee);
    }
    return guarantee.equals(EXACTLY_ONCE_V2)
        ? List.of(EXACTLY_ONCE_V2, AT_LEAST_ONCE)
        : List.of(AT_LEAST_ONCE, EXACTLY_ONCE_V2);
  }
}
