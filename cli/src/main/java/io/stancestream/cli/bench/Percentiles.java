package io.stancestream.cli.bench;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics for bench figures: the median of repetitions, latency percentiles. */
final class Percentiles {

  private Percentiles() {}

  /** The median (the mean of the two middle values for an even count); NaN when empty. */
  static double median(Collection<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The nearest-rank percentile {@code p} (0..100) of {@code values}; NaN when empty. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
