package io.stancestream.cli.bench;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.events.Article;
import io.stancestream.streams.ArticleScorer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scorer alone, on the calling thread: articles per second and MB of body text per second on
 * one core. Each repetition scores the corpus round-robin for a fixed time after a warm-up. On a
 * shared machine the wall-clock rate undercounts, so the rate per second of this thread's CPU time
 * is reported as well.
 */
final class ScorerThroughput {

  /** One measurement (medians over the repetitions). */
  record Result(double articlesPerSecond, double mbPerSecond, double articlesPerCpuSecond) {}

  private final ArticleScorer scorer;

  ScorerThroughput(ArticleScorer scorer) {
    this.scorer = scorer;
  }

  Result measure(List<Article> articles, Duration warmup, Duration each, int repetitions) {
    run(articles, warmup);
    List<Double> rates = new ArrayList<>();
    List<Double> mbRates = new ArrayList<>();
    List<Double> cpuRates = new ArrayList<>();
    for (int r = 0; r < repetitions; r++) {
      Run run = run(articles, each);
      rates.add(run.count / run.seconds);
      mbRates.add(run.bytes / 1e6 / run.seconds);
      cpuRates.add(run.cpuSeconds > 0 ? run.count / run.cpuSeconds : Double.NaN);
    }
    return new Result(
        Percentiles.median(rates), Percentiles.median(mbRates), Percentiles.median(cpuRates));
  }

  private record Run(long count, long bytes, double seconds, double cpuSeconds) {}

  private Run run(List<Article> articles, Duration length) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] bodyBytes =
        articles.stream()
            .mapToLong(a -> a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .toArray();
    long count = 0;
    long bytes = 0;
    long sink = 0;
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long deadline = start + length.toNanos();
    int i = 0;
    long now;
    do {
      Article a = articles.get(i);
      AnalysisResult result = scorer.analyze(a.title() == null ? "" : a.title(), a.body());
      sink += result.evidence().size();
      bytes += bodyBytes[i];
      count++;
      i = (i + 1) % articles.size();
      now = System.nanoTime();
    } while (now < deadline);
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    if (sink < 0) {
      throw new AssertionError("unreachable: keeps the results alive");
    }
    return new Run(count, bytes, (now - start) / 1e9, cpu);
  }
}
