package io.stancestream.streams;

import static io.stancestream.streams.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.DeadLetter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate step of the real topology: every kind of bad record lands on {@code articles-dlq}
 * with its specific reason, its source coordinates and its exact original bytes, and processing
 * continues. The scorer here fails the test if called: rejected records must never reach it.
 */
class DeadLetterTopologyTest {

  @TempDir Path stateDir;

  private static final ArticleScorer MUST_NOT_SCORE =
      (title, body) -> {
        throw new AssertionError("a rejected record reached the scorer");
      };

  private static final Instant T = Instant.parse("2025-06-20T10:00:00Z");

  @Test
  void everyBadRecordGoesToTheDlqWithItsReasonOffsetAndOriginalBytes() {
    List<byte[]> inputs =
        List.of(
            utf8("{\"id\":\"a\",\"body\":\"trunc"),
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, 0x41},
            utf8("[\"array\"]"),
            utf8("{\"id\":\"d\",\"body\":42.5e999999,\"publishedAt\":true}"),
            utf8("{\"id\":\"e\",\"body\":\"x\",\"schemaVersion\":99,\"body2\":1}"),
            utf8("{\"body\":\"no id\"}"),
            utf8("{\"id\":\"g\"}"),
            utf8("{\"id\":\"h\",\"body\":\"   \"}"),
            utf8("{\"id\":\"i\",\"body\":\"" + "x".repeat(101) + "\"}"),
            utf8("{\"id\":\"j\",\"body\":\"esc\\u001bape\"}"),
            utf8("[".repeat(5_000) + "]".repeat(5_000)));
    List<String> reasons =
        List.of(
            "invalid-json",
            "invalid-utf8",
            "not-an-object",
            "wrong-type",
            "unsupported-schema-version",
            "missing-id",
            "missing-body",
            "empty-body",
            "body-too-large",
            "control-characters",
            "json-limits-exceeded");

    try (TopologyFixture f =
        new TopologyFixture(stateDir, MUST_NOT_SCORE, Map.of("article.max.body.chars", "100"))) {
      for (int i = 0; i < inputs.size(); i++) {
        f.pipeRaw("key-" + i, inputs.get(i), T.plusSeconds(i));
      }
      f.articles.pipeInput("tombstone", null, T);

      List<KeyValue<String, DeadLetter>> out = f.dlq.readKeyValuesToList();
      assertThat(out).hasSize(inputs.size() + 1);
      for (int i = 0; i < inputs.size(); i++) {
        DeadLetter d = out.get(i).value;
        assertThat(d.reason()).as("record %d", i).isEqualTo(reasons.get(i));
        assertThat(d.detail()).isNotBlank();
        assertThat(d.sourceTopic()).isEqualTo("articles");
        assertThat(d.sourcePartition()).isEqualTo(0);
        assertThat(d.sourceOffset()).isEqualTo(i);
        assertThat(d.originalKey()).isEqualTo("key-" + i);
        assertThat(out.get(i).key).isEqualTo("key-" + i);
        assertThat(d.originalValue()).isEqualTo(inputs.get(i));
        assertThat(d.failedAt()).isEqualTo(TopologyFixture.WALL_CLOCK);
        assertThat(d.schemaVersion()).isEqualTo(DeadLetter.SCHEMA_VERSION);
      }
      DeadLetter tombstone = out.get(inputs.size()).value;
      assertThat(tombstone.reason()).isEqualTo("null-value");
      assertThat(tombstone.originalValue()).isNull();
      assertThat(tombstone.sourceOffset()).isEqualTo(inputs.size());
      assertThat(f.stances.isEmpty()).isTrue();
    }
  }

  @Test
  void aDeadLetterIsStampedWithTheFailureTimeNotTheArticlesOldEventTime() {
    try (TopologyFixture f = new TopologyFixture(stateDir, MUST_NOT_SCORE)) {
      f.pipeRaw(
          "old",
          utf8("{\"id\":\"old\",\"body\":\"\",\"publishedAt\":\"2001-01-01T00:00:00Z\"}"),
          T);
      var record = f.dlq.readRecord();
      assertThat(record.value().reason()).isEqualTo("empty-body");
      assertThat(record.getRecordTime()).isEqualTo(TopologyFixture.WALL_CLOCK);
    }
  }

  @Test
  void aProcessorThatThrowsSendsTheRecordToTheDlqAndProcessingContinues() {
    ArticleScorer broken =
        (title, body) -> {
          throw new IllegalStateException("scorer broke on " + title);
        };
    try (TopologyFixture f = new TopologyFixture(stateDir, broken)) {
      byte[] first = TopologyFixture.json(Articles.article("p1", T, "One", "Body one."));
      byte[] second = TopologyFixture.json(Articles.article("p2", T, "Two", "Body two."));
      f.pipeRaw("p1", first, T);
      f.pipeRaw("p2", second, T.plusSeconds(1));

      List<DeadLetter> out = f.dlq.readValuesToList();
      assertThat(out)
          .extracting(DeadLetter::reason)
          .containsExactly("processing-failed", "processing-failed");
      assertThat(out.get(0).detail()).contains("enrich").contains("scorer broke on One");
      assertThat(out.get(0).originalValue()).isEqualTo(first);
      assertThat(out.get(0).originalKey()).isEqualTo("p1");
      assertThat(out.get(1).sourceOffset()).isEqualTo(1);
      assertThat(out.get(1).originalValue()).isEqualTo(second);
      assertThat(f.stances.isEmpty()).isTrue();
    }
  }

  /**
   * A record whose scoring failed is not remembered as seen: once the cause is fixed, replaying the
   * dead letter ({@code replay-dlq}) scores it. Here the scorer fails on its first call only.
   */
  @Test
  void aRecordThatFailedToScoreIsScoredWhenReplayed() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    ArticleScorer flaky =
        (title, body) -> {
          if (calls.getAndIncrement() == 0) {
            throw new IllegalStateException("transient failure");
          }
          return new ScriptedScorer().analyze(title, body);
        };
    try (TopologyFixture f = new TopologyFixture(stateDir, flaky)) {
      byte[] value = TopologyFixture.json(Articles.article("r1", T, "One", "Body one."));
      f.pipeRaw("r1", value, T);
      assertThat(f.dlq.readValuesToList())
          .extracting(DeadLetter::reason)
          .containsExactly("processing-failed");
      assertThat(f.stances.isEmpty()).isTrue();

      f.pipeRaw("r1", value, T.plusSeconds(1));
      assertThat(f.stances.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("r1");
      f.pipeRaw("r1", value, T.plusSeconds(2));
      assertThat(f.stances.isEmpty()).as("scored once, then deduplicated as before").isTrue();
    }
  }
}
