package io.stancestream.benchmarks;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the default analyzer (cleaning, splitting, topics, stance) on one thread:
 * operations per second are articles per second, and the {@code chars} counter gives characters
 * (about bytes, the text is ASCII-heavy) per second. Run with {@code java -jar
 * benchmarks/target/benchmarks.jar}. To measure the optional learned layer too, build with {@code
 * -Plearned} and run with {@code -p scorer=rules,rules+minilm}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ScorerBenchmark {

  @Param({"5000"})
  public int articleChars;

  /** "rules" (the default scorer) or "rules+minilm" (the optional learned layer switched on). */
  @Param({"rules"})
  public String scorer;

  private ArticleAnalyzer analyzer;
  private List<String[]> articles;
  private int next;

  /**
   * Characters analysed and CPU microseconds spent, both reported by JMH as rates per wall-clock
   * second. On a shared machine, articles per CPU-second = ops/s / (cpuMicros/s / 1e6) is the
   * per-core figure that does not depend on how busy the other cores are.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Volume {
    public long chars;
    public long cpuMicros;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
      cpuMicros = 0;
    }
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @Setup(Level.Trial)
  public void setUp() {
    analyzer = scorer.equals("rules") ? ArticleAnalyzer.withDefaults() : withLearnedLayer();
    articles = ArticleCorpus.generate(200, articleChars, 42L);
  }

  private static ArticleAnalyzer withLearnedLayer() {
    try {
      Path dir = Files.createTempDirectory("stancestream-bench");
      Files.createDirectories(dir.resolve("stance"));
      String scoring;
      try (InputStream in =
          ArticleAnalyzer.class.getResourceAsStream("/stancestream-config/stance/scoring.yaml")) {
        scoring = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Files.writeString(
          dir.resolve("stance/scoring.yaml"),
          scoring.replace("\n  enabled: false", "\n  enabled: true"));
      return ArticleAnalyzer.fromConfigDir(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public AnalysisResult analyze(Volume volume) {
    String[] a = articles.get(next);
    next = next + 1 == articles.size() ? 0 : next + 1;
    volume.chars += a[1].length();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    AnalysisResult r = analyzer.analyze(a[0], a[1]);
    volume.cpuMicros += (CPU.getCurrentThreadCpuTime() - cpu0) / 1000;
    return r;
  }
}
