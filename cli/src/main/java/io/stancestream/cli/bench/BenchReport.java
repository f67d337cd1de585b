package io.stancestream.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.stancestream.events.JsonSerde;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one bench run, as a table for people or one JSON object for scripts. Throughputs
 * are medians over the repetitions of the processing rate; {@code full_over_passthrough} is the
 * ratio of the two medians. The {@code *_committed_*} figures time the same runs on the committed
 * output instead, which a short run's commit interval distorts (see {@link ProcessedClock}).
 */
public record BenchReport(
    BenchPlan plan,
    Machine machine,
    Map<String, String> settings,
    double avgValueBytes,
    double avgBodyBytes,
    Rate producer,
    Map<String, TopologyFigures> byGuarantee,
    ScorerThroughput.Result scorer,
    LatencyProbe.Result latency,
    double peakHeapMb,
    double peakRssMb,
    double seconds) {

  /** The machine the figures come from. */
  public record Machine(int nproc, double memoryMb, double maxHeapMb, String jdk, String os) {}

  /** A median rate over repetitions. */
  public record Rate(double recordsPerSecond, double mbPerSecond, List<Double> runs) {}

  /**
   * Passthrough and full topology figures under one processing guarantee. The runs are processing
   * rates ({@link ProcessedClock}); the committed runs are rates until the last record was visible
   * on the output topic, start-up and the wait for the last commit included.
   */
  public record TopologyFigures(
      List<Double> passthroughRuns,
      List<Double> fullRuns,
      List<Double> passthroughCommittedRuns,
      List<Double> fullCommittedRuns,
      List<Double> fullDrainedRuns,
      List<Double> passthroughCpuMicros,
      List<Double> fullCpuMicros) {

    double passthroughRps() {
      return Percentiles.median(passthroughRuns);
    }

    double fullRps() {
      return Percentiles.median(fullRuns);
    }

    double passthroughCommittedRps() {
      return Percentiles.median(passthroughCommittedRuns);
    }

    double fullCommittedRps() {
      return Percentiles.median(fullCommittedRuns);
    }

    double fullDrainedRps() {
      List<Double> known = fullDrainedRuns.stream().filter(d -> !d.isNaN()).toList();
      return Percentiles.median(known);
    }

    double ratio() {
      return fullRps() / passthroughRps();
    }

    /**
     * The median of the per-repetition ratios (each full run paired with the passthrough before).
     */
    double pairedRatio() {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(passthroughRuns.size(), fullRuns.size()); i++) {
        ratios.add(fullRuns.get(i) / passthroughRuns.get(i));
      }
      return Percentiles.median(ratios);
    }
  }

  /** The headline figures: those of the plan's guarantee. */
  public TopologyFigures headline() {
    return byGuarantee.get(plan.guarantee());
  }

  public double fullOverPassthrough() {
    return headline().ratio();
  }

  /** One JSON object, keys in snake_case; see DESIGN.md for the contract keys. */
  public String toJson() {
    Map<String, Object> j = new LinkedHashMap<>();
    TopologyFigures h = headline();
    j.put("articles", plan.articles());
    j.put("passthrough_records", plan.articles() * PipelineBench.PASSTHROUGH_BACKLOG_COPIES);
    j.put("repetitions", plan.repetitions());
    j.put("guarantee", plan.guarantee());
    j.put("avg_article_bytes", round(avgValueBytes, 0));
    j.put("avg_body_bytes", round(avgBodyBytes, 0));
    j.put("producer_rps", round(producer.recordsPerSecond(), 1));
    j.put("producer_mb_per_s", round(producer.mbPerSecond(), 2));
    j.put("passthrough_rps", round(h.passthroughRps(), 1));
    j.put("passthrough_mb_per_s", round(h.passthroughRps() * avgValueBytes / 1e6, 2));
    j.put("full_rps", round(h.fullRps(), 1));
    j.put("full_mb_per_s", round(h.fullRps() * avgValueBytes / 1e6, 2));
    j.put("full_drained_rps", round(h.fullDrainedRps(), 1));
    j.put("full_over_passthrough", round(h.ratio(), 3));
    j.put("full_over_passthrough_paired", round(h.pairedRatio(), 3));
    j.put(
        "full_over_passthrough_committed",
        round(h.fullCommittedRps() / h.passthroughCommittedRps(), 3));
    for (var e : byGuarantee.entrySet()) {
      TopologyFigures f = e.getValue();
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("passthrough_rps", round(f.passthroughRps(), 1));
      g.put("full_rps", round(f.fullRps(), 1));
      g.put("full_drained_rps", round(f.fullDrainedRps(), 1));
      g.put("full_over_passthrough", round(f.ratio(), 3));
      g.put("full_over_passthrough_paired", round(f.pairedRatio(), 3));
      g.put("passthrough_committed_rps", round(f.passthroughCommittedRps(), 1));
      g.put("full_committed_rps", round(f.fullCommittedRps(), 1));
      g.put(
          "full_over_passthrough_committed",
          round(f.fullCommittedRps() / f.passthroughCommittedRps(), 3));
      // Stream-thread CPU per record (to the n-th output record): steadier than the rates on a
      // busy machine, and what sizing in cores needs.
      g.put(
          "passthrough_cpu_us_per_record", round(Percentiles.median(f.passthroughCpuMicros()), 1));
      g.put("full_cpu_us_per_record", round(Percentiles.median(f.fullCpuMicros()), 1));
      g.put("passthrough_runs", rounded(f.passthroughRuns()));
      g.put("full_runs", rounded(f.fullRuns()));
      j.put(e.getKey(), g);
    }
    j.put("scorer_articles_per_s", round(scorer.articlesPerSecond(), 1));
    j.put("scorer_mb_per_s", round(scorer.mbPerSecond(), 2));
    j.put("scorer_articles_per_cpu_s", round(scorer.articlesPerCpuSecond(), 1));
    Map<String, Object> lat = new LinkedHashMap<>();
    lat.put("p50", latency == null ? null : round(latency.p50(), 1));
    lat.put("p99", latency == null ? null : round(latency.p99(), 1));
    lat.put("max", latency == null ? null : round(latency.max(), 1));
    lat.put("samples", latency == null ? 0 : latency.samples());
    lat.put("rate_per_s", latency == null ? null : round(latency.ratePerSecond(), 1));
    j.put("latency_ms", lat);
    j.put("peak_heap_mb", round(peakHeapMb, 1));
    j.put("peak_rss_mb", round(peakRssMb, 1));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nproc", machine.nproc());
    m.put("memory_mb", round(machine.memoryMb(), 0));
    m.put("max_heap_mb", round(machine.maxHeapMb(), 0));
    m.put("jdk", machine.jdk());
    m.put("os", machine.os());
    j.put("machine", m);
    j.put("settings", settings);
    j.put("seconds", round(seconds, 1));
    try {
      return JsonSerde.MAPPER.writeValueAsString(j);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the bench report: " + e, e);
    }
  }

  /** A human-readable table of the same figures. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "StanceStream bench: %d articles (passthrough: %d copies) of %.0f bytes (body %.0f),"
                + " median of %d, %d cores, %s%n",
            plan.articles(),
            PipelineBench.PASSTHROUGH_BACKLOG_COPIES,
            avgValueBytes,
            avgBodyBytes,
            plan.repetitions(),
            machine.nproc(),
            machine.jdk()));
    sb.append(String.format(Locale.ROOT, "%-40s %12s %10s%n", "stage", "records/s", "MB/s"));
    row(sb, "producer -> articles", producer.recordsPerSecond(), producer.mbPerSecond());
    for (var e : byGuarantee.entrySet()) {
      TopologyFigures f = e.getValue();
      String g = e.getKey();
      row(
          sb,
          "passthrough (" + g + ")",
          f.passthroughRps(),
          f.passthroughRps() * avgValueBytes / 1e6);
      row(sb, "full topology (" + g + ")", f.fullRps(), f.fullRps() * avgValueBytes / 1e6);
      if (!Double.isNaN(f.fullDrainedRps())) {
        row(
            sb,
            "full, windows drained (" + g + ")",
            f.fullDrainedRps(),
            f.fullDrainedRps() * avgValueBytes / 1e6);
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "%-40s %12.3f (paired %.3f)%n",
              "  full / passthrough (" + g + ")",
              f.ratio(),
              f.pairedRatio()));
      sb.append(
          String.format(
              Locale.ROOT,
              "%-40s %12.3f (%.0f/s over %.0f/s)%n",
              "  same, timed on committed output",
              f.fullCommittedRps() / f.passthroughCommittedRps(),
              f.fullCommittedRps(),
              f.passthroughCommittedRps()));
    }
    row(sb, "scorer alone, 1 thread", scorer.articlesPerSecond(), scorer.mbPerSecond());
    sb.append(
        String.format(
            Locale.ROOT,
            "%-40s %12.1f%n",
            "  scorer per CPU-second",
            scorer.articlesPerCpuSecond()));
    if (latency != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "latency publish -> article-stance (%s, %.0f/s, n=%d): p50 %.1f ms, p99 %.1f ms,"
                  + " max %.1f ms%n",
              plan.guarantee(),
              latency.ratePerSecond(),
              latency.samples(),
              latency.p50(),
              latency.p99(),
              latency.max()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "peak heap %.0f MB (of %.0f), peak RSS %.0f MB, broker in the same JVM; %.0f s%n",
            peakHeapMb,
            machine.maxHeapMb(),
            peakRssMb,
            seconds));
    sb.append("settings: ").append(settings).append(System.lineSeparator());
    return sb.toString();
  }

  private static void row(StringBuilder sb, String stage, double rps, double mbps) {
    sb.append(String.format(Locale.ROOT, "%-40s %12.1f %10.2f%n", stage, rps, mbps));
  }

  private static List<Double> rounded(List<Double> values) {
    return values.stream().map(v -> round(v, 1)).toList();
  }

  private static Double round(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
