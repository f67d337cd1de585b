package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.Evidence;
import io.stancestream.events.StanceLabel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validate, key, dedupe and enrich on the real topology with the real analyzer: both seeds come out
 * on {@code article-stance} as AGAINST with author-voice evidence, and re-publishing never yields a
 * second record.
 */
class EnrichTopologyTest {

  private static ArticleAnalyzer analyzer;

  @TempDir Path stateDir;

  @BeforeAll
  static void analyzer() {
    analyzer = ArticleAnalyzer.withDefaults();
  }

  private TopologyFixture fixture() {
    return new TopologyFixture(stateDir, analyzer::analyze);
  }

  @Test
  void bothSeedsAreScoredAgainstWithAuthorEvidenceMentionsAndMetadata() {
    List<Path> files = Seeds.files();
    assertThat(files).hasSize(2);
    try (TopologyFixture f = fixture()) {
      Instant t = Instant.parse("2025-06-20T09:00:00Z");
      List<Article> seeds = files.stream().map(p -> Seeds.article(p, t)).toList();
      seeds.forEach(f::pipe);

      List<KeyValue<String, ArticleStance>> out = f.stances.readKeyValuesToList();
      assertThat(out)
          .extracting(kv -> kv.key)
          .containsExactly(seeds.get(0).id(), seeds.get(1).id());
      for (int i = 0; i < out.size(); i++) {
        Article in = seeds.get(i);
        ArticleStance s = out.get(i).value;
        assertThat(s.articleId()).isEqualTo(in.id());
        assertThat(s.stance().label()).isEqualTo(StanceLabel.AGAINST);
        assertThat(s.stance().score()).isBetween(-1.0, 0.0);
        assertThat(s.stance().confidence()).isBetween(0.5, 1.0);
        assertThat(s.evidence()).isNotEmpty().anyMatch(Evidence::byAuthor);
        for (Evidence e : s.evidence()) {
          assertThat(in.body().substring(e.start(), e.end())).isEqualTo(e.sentence());
        }
        assertThat(s.mentions()).containsKey("nato-membership");
        assertThat(s.mentions().get("nato-membership")).isPositive();
        assertThat(s.scorerVersion()).isEqualTo(analyzer.version());
        assertThat(s.processedAt()).isEqualTo(TopologyFixture.WALL_CLOCK);
        assertThat(s.publishedAt()).isEqualTo(in.publishedAt());
        assertThat(s.url()).isEqualTo(in.url());
        assertThat(s.outlet()).isEqualTo(in.outlet());
        assertThat(s.schemaVersion()).isEqualTo(ArticleStance.SCHEMA_VERSION);
      }
      assertThat(f.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void republishingAnArticleNeverYieldsASecondStanceFirstWins() {
    Article seed = Seeds.article(Seeds.files().get(0), Instant.parse("2025-06-20T09:00:00Z"));
    Article edited =
        new Article(
            seed.schemaVersion(),
            seed.id(),
            seed.url(),
            "Edited title",
            seed.outlet(),
            seed.author(),
            seed.publishedAt(),
            seed.language(),
            seed.body() + "\nCorrection.",
            seed.source(),
            seed.ingestedAt());
    try (TopologyFixture f = fixture()) {
      f.pipe(seed);
      f.pipe(seed);
      f.pipe(edited);
      // Same id under no key / another key: re-keyed by id, then recognised as a duplicate.
      f.pipeRaw(null, TopologyFixture.json(seed), seed.publishedAt());
      f.pipeRaw("other-key", TopologyFixture.json(seed), seed.publishedAt());

      List<KeyValue<String, ArticleStance>> out = f.stances.readKeyValuesToList();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).key).isEqualTo(seed.id());
      assertThat(out.get(0).value.title()).isNull();
      assertThat(f.dlq.isEmpty()).isTrue();
    }
  }

  @Test
  void aRecordKeyedOtherwiseIsRekeyedByArticleId() {
    Article seed = Seeds.article(Seeds.files().get(1), Instant.parse("2025-06-20T09:00:00Z"));
    try (TopologyFixture f = fixture()) {
      f.pipeRaw(null, TopologyFixture.json(seed), seed.publishedAt());
      List<KeyValue<String, ArticleStance>> out = f.stances.readKeyValuesToList();
      assertThat(out).hasSize(1);
      assertThat(out.get(0).key).isEqualTo(seed.id());
      assertThat(out.get(0).value.stance().label()).isEqualTo(StanceLabel.AGAINST);
    }
  }

  @Test
  void theSeenIdsStoreHoldsAFingerprintOfEachProcessedArticle() {
    Article seed = Seeds.article(Seeds.files().get(0), Instant.parse("2025-06-20T09:00:00Z"));
    try (TopologyFixture f = fixture()) {
      f.pipe(seed);
      assertThat(f.stances.readValuesToList()).hasSize(1);
      String fingerprint =
          f.driver.<String, String>getKeyValueStore(StanceTopology.SEEN_ARTICLES).get(seed.id());
      assertThat(fingerprint).hasSize(32).matches("[0-9a-f]+");
    }
  }
}
