package io.stancestream.streams;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.JsonSerde;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for the topology: the article's {@code publishedAt}, falling back to its {@code
 * ingestedAt}, then to the record's own timestamp (and, if that is unset, the partition's stream
 * time).
 *
 * <p>The source reads raw bytes (so that bad records reach the dead-letter topic instead of
 * crashing deserialization), so this extractor scans the JSON's top-level fields with a streaming
 * parser and stops as soon as it has {@code publishedAt}, which the serde writes before the body.
 * Unparseable values simply fall back to the record timestamp; the validator reports them.
 *
 * <p>An event time more than {@code maxFuture} ahead of the record timestamp is not trusted (a
 * mistyped year would push stream time ahead and make every later article "late"), nor is one
 * before 1970 (Kafka cannot store it); both fall back to the record timestamp.
 */
public final class ArticleTimestampExtractor implements TimestampExtractor {

  private final long maxFutureMs;

  public ArticleTimestampExtractor(Duration maxFuture) {
    this.maxFutureMs = maxFuture.toMillis();
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long recordTime = record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0L);
    Object value = record.value();
    Instant event = null;
    if (value instanceof byte[] bytes) {
      event = scan(bytes);
    } else if (value instanceof Article a) {
      event = a.eventTime();
    } else if (value instanceof ArticleStance s) {
      event = s.eventTime();
    }
    if (event == null) {
      return recordTime;
    }
    long ms;
    try {
      ms = event.toEpochMilli();
    } catch (ArithmeticException e) {
      return recordTime;
    }
    if (ms < 0 || (record.timestamp() >= 0 && ms > record.timestamp() + maxFutureMs)) {
      return recordTime;
    }
    return ms;
  }

  /** {@code publishedAt}, else {@code ingestedAt}, from the top level of a JSON object; or null. */
  static Instant scan(byte[] json) {
    Instant ingested = null;
    try (JsonParser p = JsonSerde.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("publishedAt".equals(name) || "ingestedAt".equals(name)) {
          Instant t = instant(p, value);
          if (t != null && "publishedAt".equals(name)) {
            return t;
          }
          if (t != null) {
            ingested = t;
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException e) {
      return ingested;
    }
    return ingested;
  }

  /** Like the serde's reader: ISO-8601 text, or numbers as epoch seconds (with fraction). */
  private static Instant instant(JsonParser p, JsonToken token) throws IOException {
    try {
      return switch (token) {
        case VALUE_STRING -> Instant.parse(p.getText().trim());
        case VALUE_NUMBER_INT -> Instant.ofEpochSecond(p.getLongValue());
        case VALUE_NUMBER_FLOAT -> {
          BigDecimal seconds = p.getDecimalValue();
          yield Instant.ofEpochSecond(
              seconds.longValue(),
              seconds.remainder(BigDecimal.ONE).movePointRight(9).abs().longValue());
        }
        default -> null;
      };
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }
}
