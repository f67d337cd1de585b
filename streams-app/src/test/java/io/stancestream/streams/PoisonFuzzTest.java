package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.ArticleAnalyzer;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.generate.ArticleGenerator;
import io.stancestream.events.generate.PoisonGenerator;
import io.stancestream.events.generate.PoisonGenerator.Kind;
import io.stancestream.streams.errors.DeadLetters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated fuzz test of the real topology: thousands of poison records of every kind ({@link
 * PoisonGenerator}: random bytes, truncated and deeply nested JSON, wrong types, missing fields, 10
 * MB bodies, invalid UTF-8, control characters, empty text, unknown schema versions, tombstones)
 * mixed with valid articles, re-published copies, and articles on which the analyzer throws.
 *
 * <p>Invariants: every distinct valid article yields exactly one {@code article-stance} record;
 * every invalid record yields exactly one dead letter, keyed by its key, with the specific reason
 * for its defect, its offset, and its original bytes (the head only, flagged in the detail, beyond
 * {@code dlq.max.original.bytes}); nothing else comes out; processing never stops.
 */
@Tag("slow")
class PoisonFuzzTest {

  /** Reasons the validator may give each kind of defect. */
  private static final Map<Kind, Set<String>> REASONS = new EnumMap<>(Kind.class);

  static {
    REASONS.put(
        Kind.RANDOM_BYTES,
        Set.of("invalid-utf8", "invalid-json", "not-an-object", "json-limits-exceeded"));
    REASONS.put(Kind.TRUNCATED_JSON, Set.of("invalid-json"));
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

  private static final String PILL = "\u2620 analyzer pill";
  private static final ArticleAnalyzer ANALYZER = ArticleAnalyzer.withDefaults();
  private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

  /** What was sent at one offset and what must come out for it. */
  private record Sent(String key, byte[] value, Kind kind, boolean pill) {}

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20250601L})
  void validInEqualsEnrichedOutAndInvalidInEqualsDeadLettersOut(long seed, @TempDir Path state) {
    SplittableRandom random = new SplittableRandom(seed);
    ArticleGenerator articles = new ArticleGenerator(seed);
    PoisonGenerator poison = new PoisonGenerator(seed);
    ArticleScorer scorer =
        (title, body) -> {
          if (body.contains(PILL)) {
            throw new IllegalStateException("analyzer pill");
          }
          return analyze(title, body);
        };
    int maxOriginal = DeadLetters.DEFAULT_MAX_ORIGINAL_BYTES;

    List<Sent> sent = new ArrayList<>();
    Set<String> validIds = new LinkedHashSet<>();
    Map<Kind, Integer> perKind = new EnumMap<>(Kind.class);
    try (TopologyFixture f = new TopologyFixture(state, scorer)) {
      for (int i = 0; i < 3_000; i++) {
        int roll = random.nextInt(100);
        Instant t = START.plus(Duration.ofSeconds(30L * i));
        if (roll < 25) {
          Article a = articles.article(i, articles.randomLean(), 300 + random.nextInt(900), t);
          boolean pill = random.nextInt(20) == 0;
          if (pill) {
            a = a.withBody(a.body() + "\n" + PILL);
          } else {
            validIds.add(a.id());
          }
          sent.add(new Sent(a.id(), TopologyFixture.json(a), null, pill));
        } else if (roll < 28 && !validIds.isEmpty()) {
          // A re-published valid article: deduped, no second output.
          String id = validIds.stream().skip(random.nextInt(validIds.size())).findFirst().get();
          Sent original =
              sent.stream().filter(s -> id.equals(s.key()) && s.kind() == null).findFirst().get();
          sent.add(new Sent(id, original.value(), null, false));
        } else {
          // A handful of 10 MB bodies: enough to prove the limit, few enough to stay fast.
          PoisonGenerator.Poison p =
              i % 500 == 250 ? poison.of(Kind.HUGE_BODY, i) : poison.next(i, false);
          perKind.merge(p.kind(), 1, Integer::sum);
          sent.add(new Sent("poison-" + i, p.value(), p.kind(), false));
        }
        Sent s = sent.get(sent.size() - 1);
        f.pipeRaw(s.key(), s.value(), t);
      }

      List<KeyValue<String, ArticleStance>> stances = f.stances.readKeyValuesToList();
      List<KeyValue<String, DeadLetter>> dead = f.dlq.readKeyValuesToList();
      long invalid = sent.stream().filter(s -> s.kind() != null || s.pill()).count();

      assertThat(perKind.keySet())
          .as("every kind of poison was generated")
          .containsOnly(Kind.values());
      assertThat(invalid).isGreaterThan(2_000);
      Map<String, Kind> kindOf = new HashMap<>();
      sent.stream().filter(s -> s.kind() != null).forEach(s -> kindOf.put(s.key(), s.kind()));
      assertThat(
              stances.stream()
                  .filter(kv -> kindOf.containsKey(kv.key))
                  .map(kv -> kindOf.get(kv.key) + " " + kv.key)
                  .toList())
          .as("poison records that were accepted")
          .isEmpty();
      assertThat(stances).extracting(kv -> kv.key).containsExactlyInAnyOrderElementsOf(validIds);
      assertThat(dead).hasSize((int) invalid);

      Map<Long, DeadLetter> byOffset = new HashMap<>();
      dead.forEach(kv -> byOffset.put(kv.value.sourceOffset(), kv.value));
      assertThat(byOffset).hasSize(dead.size());
      for (int offset = 0; offset < sent.size(); offset++) {
        Sent s = sent.get(offset);
        DeadLetter d = byOffset.get((long) offset);
        if (s.kind() == null && !s.pill()) {
          assertThat(d).as("valid record at %d went to the DLQ", offset).isNull();
          continue;
        }
        assertThat(d).as("no dead letter for %s at %d", s.kind(), offset).isNotNull();
        assertThat(d.originalKey()).isEqualTo(s.key());
        assertThat(d.sourceTopic()).isEqualTo("articles");
        assertThat(d.detail()).isNotBlank();
        if (s.pill()) {
          assertThat(d.reason()).isEqualTo("processing-failed");
          assertThat(d.detail()).contains("analyzer pill");
        } else {
          assertThat(REASONS.get(s.kind()))
              .as("reason for %s: %s", s.kind(), d.detail())
              .contains(d.reason());
        }
        if (s.value() == null) {
          assertThat(d.originalValue()).isNull();
        } else if (s.value().length > maxOriginal) {
          assertThat(d.originalValue()).isEqualTo(Arrays.copyOf(s.value(), maxOriginal));
          assertThat(d.detail()).contains("truncated");
        } else {
          assertThat(d.originalValue()).isEqualTo(s.value());
        }
      }
    }
  }

  private static AnalysisResult analyze(String title, String body) {
    return ANALYZER.analyze(title, body);
  }
}
