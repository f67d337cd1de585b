package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ArticleTimestampExtractorTest {

  private static final long RECORD_TIME = Instant.parse("2025-06-21T00:00:00Z").toEpochMilli();
  private final ArticleTimestampExtractor extractor =
      new ArticleTimestampExtractor(Duration.ofDays(1));

  private long extract(Object value, long recordTime) {
    ConsumerRecord<Object, Object> r = new ConsumerRecord<>("articles", 0, 0L, "k", value);
    ConsumerRecord<Object, Object> timed =
        new ConsumerRecord<>(
            "articles",
            0,
            0L,
            recordTime,
            org.apache.kafka.common.record.TimestampType.CREATE_TIME,
            -1,
            -1,
            r.key(),
            r.value(),
            r.headers(),
            java.util.Optional.empty());
    return extractor.extract(timed, 42L);
  }

  private long extractJson(String json) {
    return extract(json.getBytes(StandardCharsets.UTF_8), RECORD_TIME);
  }

  @Test
  void publishedAtWins() {
    assertThat(
            extractJson(
                "{\"id\":\"a\",\"publishedAt\":\"2025-06-20T10:15:00Z\","
                    + "\"ingestedAt\":\"2025-06-20T11:00:00Z\",\"body\":\"b\"}"))
        .isEqualTo(Instant.parse("2025-06-20T10:15:00Z").toEpochMilli());
  }

  @Test
  void ingestedAtIsTheFallbackWhateverTheFieldOrder() {
    assertThat(
            extractJson(
                "{\"ingestedAt\":\"2025-06-20T11:00:00Z\",\"id\":\"a\",\"nested\":{\"publishedAt\":"
                    + "\"1999-01-01T00:00:00Z\"},\"publishedAt\":null}"))
        .isEqualTo(Instant.parse("2025-06-20T11:00:00Z").toEpochMilli());
  }

  @Test
  void epochSecondsAreReadLikeTheSerdeReadsThem() {
    assertThat(extractJson("{\"publishedAt\":1750414500}")).isEqualTo(1750414500_000L);
    assertThat(extractJson("{\"publishedAt\":1750414500.25}")).isEqualTo(1750414500_250L);
  }

  @Test
  void theRecordTimestampIsTheLastResort() {
    assertThat(extractJson("{\"id\":\"a\",\"body\":\"no dates\"}")).isEqualTo(RECORD_TIME);
    assertThat(extractJson("{\"publishedAt\":\"yesterday\"}")).isEqualTo(RECORD_TIME);
    assertThat(extractJson("{not json")).isEqualTo(RECORD_TIME);
    assertThat(extract(null, RECORD_TIME)).isEqualTo(RECORD_TIME);
    assertThat(extract(new byte[] {(byte) 0xFF, 0x00}, RECORD_TIME)).isEqualTo(RECORD_TIME);
  }

  @Test
  void aTimeFarAheadOfTheRecordOrBefore1970IsNotTrusted() {
    assertThat(extractJson("{\"publishedAt\":\"2099-01-01T00:00:00Z\"}")).isEqualTo(RECORD_TIME);
    assertThat(extractJson("{\"publishedAt\":\"1969-12-31T00:00:00Z\"}")).isEqualTo(RECORD_TIME);
    long withinADay = Instant.parse("2025-06-21T23:00:00Z").toEpochMilli();
    assertThat(extractJson("{\"publishedAt\":\"2025-06-21T23:00:00Z\"}")).isEqualTo(withinADay);
  }

  @Test
  void withoutARecordTimestampThePartitionTimeIsUsed() {
    assertThat(extract("{}".getBytes(StandardCharsets.UTF_8), -1L)).isEqualTo(42L);
  }
}
