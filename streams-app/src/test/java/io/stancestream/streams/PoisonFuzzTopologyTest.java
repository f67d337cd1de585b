package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.generate.ArticleGenerator;
import io.stancestream.events.generate.PoisonGenerator;
import io.stancestream.events.generate.PoisonGenerator.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated poison mixed with valid articles through the real topology and the real analyzer: valid
 * in = enriched out, invalid in = dead letters out, each with the reason its defect calls for and
 * its exact original bytes, in input order, and nothing stops.
 */
class PoisonFuzzTopologyTest {

  @TempDir Path stateDir;

  private static final Map<Kind, Set<String>> REASONS = new EnumMap<>(Kind.class);

  static {
    REASONS.put(Kind.RANDOM_BYTES, Set.of("invalid-utf8", "invalid-json", "not-an-object"));
    REASONS.put(Kind.TRUNCATED_JSON, Set.of("invalid-json", "invalid-utf8"));
    REASONS.put(Kind.DEEPLY_NESTED_JSON, Set.of("json-limits-exceeded"));
    REASONS.put(Kind.NOT_AN_OBJECT, Set.of("not-an-object"));
    REASONS.put(Kind.WRONG_TYPE, Set.of("wrong-type"));
    REASONS.put(Kind.MISSING_ID, Set.of("missing-id"));
    REASONS.put(Kind.MISSING_BODY, Set.of("missing-body"));
    REASONS.put(Kind.EMPTY_BODY, Set.of("empty-body"));
    REASONS.put(Kind.HUGE_BODY, Set.of("body-too-large"));
    REASONS.put(Kind.INVALID_UTF8, Set.of("invalid-utf8"));
    REASONS.put(Kind.CONTROL_CHARACTERS, Set.of("control-characters"));
    REASONS.put(Kind.UNKNOWN_SCHEMA_VERSION, Set.of("unsupported-schema-version"));
    REASONS.put(Kind.EMPTY_VALUE, Set.of("invalid-json"));
    REASONS.put(Kind.NULL_VALUE, Set.of("null-value"));
  }

  private record Input(String key, byte[] value, Kind poison) {}

  @Test
  void validInEqualsEnrichedOutAndInvalidInEqualsDeadLettersOut() {
    assertThat(REASONS.keySet()).containsExactlyInAnyOrder(Kind.values());
    Instant start = Instant.parse("2025-06-20T00:00:00Z");
    List<Input> inputs = new ArrayList<>();
    ArticleGenerator articles = new ArticleGenerator(7);
    List<Article> valid =
        articles.batch(0, 300, ArticleGenerator.Lean.AGAINST, 900, start, Duration.ofHours(6));
    valid.forEach(a -> inputs.add(new Input(a.id(), TopologyFixture.json(a), null)));
    PoisonGenerator poison = new PoisonGenerator(11);
    for (int i = 0; i < 2_000; i++) {
      PoisonGenerator.Poison p = poison.next(i, false);
      inputs.add(new Input("poison-" + i, p.value(), p.kind()));
    }
    for (int i = 0; i < 2; i++) {
      PoisonGenerator.Poison p = poison.of(Kind.HUGE_BODY, 5_000 + i);
      inputs.add(new Input("huge-" + i, p.value(), p.kind()));
    }
    Collections.shuffle(inputs, new Random(3));
    List<Input> bad = inputs.stream().filter(in -> in.poison() != null).toList();

    try (TopologyFixture f =
        new TopologyFixture(stateDir, ArticleAnalyzer.withDefaults()::analyze)) {
      for (Input in : inputs) {
        f.pipeRaw(in.key(), in.value(), start.plus(Duration.ofHours(7)));
      }
      List<ArticleStance> stances = f.stances.readValuesToList();
      List<DeadLetter> dead = f.dlq.readValuesToList();

      Map<String, Kind> kindByKey = new java.util.HashMap<>();
      bad.forEach(in -> kindByKey.put(in.key(), in.poison()));
      assertThat(stances)
          .as("poison that passed validation")
          .filteredOn(s -> kindByKey.containsKey(s.articleId()))
          .extracting(s -> kindByKey.get(s.articleId()) + ":" + s.articleId())
          .isEmpty();
      assertThat(stances).hasSize(valid.size());
      assertThat(stances)
          .extracting(ArticleStance::articleId)
          .containsExactlyInAnyOrderElementsOf(valid.stream().map(Article::id).toList());
      assertThat(dead).hasSize(bad.size());
      for (int i = 0; i < bad.size(); i++) {
        Input in = bad.get(i);
        DeadLetter d = dead.get(i);
        assertThat(d.originalKey()).isEqualTo(in.key());
        assertThat(d.reason())
            .as("%s (%s)", in.poison(), d.detail())
            .isIn(REASONS.get(in.poison()));
        if (in.poison() != Kind.HUGE_BODY) {
          assertThat(d.originalValue()).isEqualTo(in.value());
        } else {
          assertThat(d.detail()).contains("truncated");
        }
      }
    }
  }
}
