package io.stancestream.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleAnalyzerTest {

  @Test
  void configDirOverridesOnlyTheFilesItHolds(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("stance"));
    Files.writeString(
        dir.resolve("stance/cues.yaml"),
        "favor:\n  actions: {}\n  evaluations:\n    \"blue skies for kyiv\": 2.0\n"
            + "against:\n  actions: {}\n  evaluations: {}\n");
    ArticleAnalyzer custom = ArticleAnalyzer.fromConfigDir(dir);
    ArticleAnalyzer defaults = ArticleAnalyzer.withDefaults();
    String body = "Ukraine's NATO membership means blue skies for Kyiv.";

    assertThat(custom.analyze(null, body).label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(defaults.analyze(null, body).label()).isEqualTo(StanceLabel.NEUTRAL);
    // topics.yaml was not overridden: the packaged topics still count.
    assertThat(custom.analyze(null, body).mentions()).containsKey("nato-membership");
    assertThat(custom.version()).isNotEqualTo(defaults.version());
  }

  @Test
  void malformedOrMissingConfigFailsWithTheFileName(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("stance"));
    Files.writeString(dir.resolve("stance/modifiers.yaml"), "negators:\n  - no\n");
    assertThatThrownBy(() -> ArticleAnalyzer.fromConfigDir(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quote it");
    assertThatThrownBy(() -> ArticleAnalyzer.fromConfigDir(dir.resolve("absent")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void handlesEmptyAndNullTitleAndEmptyBody() {
    ArticleAnalyzer a = ArticleAnalyzer.withDefaults();
    AnalysisResult r = a.analyze(null, "");
    assertThat(r.label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(r.evidence()).isEmpty();
    assertThat(a.analyze("   ", "\n\n").label()).isEqualTo(StanceLabel.NEUTRAL);
  }

  @Test
  void titleCountsWhenItIsNotInTheBody() {
    ArticleAnalyzer a = ArticleAnalyzer.withDefaults();
    AnalysisResult r = a.analyze("NATO must close the door to Ukraine", "The summit is in July.");
    assertThat(r.label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(r.evidence()).isEmpty(); // the title is not part of the body: no offsets to give
  }

  @Test
  void isThreadSafeAndDeterministic() throws Exception {
    ArticleAnalyzer a = ArticleAnalyzer.withDefaults();
    String body = Seeds.read(Seeds.FOREIGN_AFFAIRS);
    AnalysisResult expected = a.analyze(null, body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AnalysisResult>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        futures.add(pool.submit(() -> a.analyze(null, body)));
      }
      for (Future<AnalysisResult> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void scoreAndConfidenceStayInRange() {
    ArticleAnalyzer a = ArticleAnalyzer.withDefaults();
    String strong = "Ukraine must join NATO. ".repeat(50);
    AnalysisResult r = a.analyze("Ukraine must join NATO", strong);
    assertThat(r.score()).isBetween(-1.0, 1.0);
    assertThat(r.confidence()).isBetween(0.0, 1.0);
    assertThat(r.label()).isEqualTo(StanceLabel.FAVOR);
  }

  @Test
  void survivesMangledTextAndKeepsTheOffsetContract() {
    ArticleAnalyzer a = ArticleAnalyzer.withDefaults();
    String[] pieces = {
      "pro-NATO",
      "anti-NATO",
      "“",
      "”",
      "\"",
      "‘",
      "’",
      "'",
      "?",
      "!",
      ".",
      "\n",
      "\n\n",
      " ",
      "Ukraine",
      "should",
      "not",
      "join",
      "NATO",
      "membership",
      "Mr.",
      "U.S.",
      "said",
      "Zelensky",
      "—",
      "if",
      "but",
      "Why",
      "close the door",
      "off the table",
      "Pingback:",
      "Listen",
      "é",
      "🙂"
    };
    String seed = Seeds.read(Seeds.FOREIGN_AFFAIRS);
    java.util.Random rnd = new java.util.Random(7);
    for (int i = 0; i < 400; i++) {
      StringBuilder sb = new StringBuilder();
      int from = rnd.nextInt(seed.length() - 400);
      sb.append(seed, from, from + rnd.nextInt(400));
      for (int k = 0; k < 40; k++) {
        sb.insert(rnd.nextInt(sb.length() + 1), pieces[rnd.nextInt(pieces.length)]);
      }
      String body = sb.toString();
      AnalysisResult r = a.analyze(rnd.nextBoolean() ? null : "NATO “door”", body);
      assertThat(r.score()).isBetween(-1.0, 1.0);
      assertThat(r.confidence()).isBetween(0.0, 1.0);
      for (EvidenceSentence e : r.evidence()) {
        assertThat(body.substring(e.start(), e.end())).isEqualTo(e.sentence());
      }
    }
  }
}
