package io.stancestream.streams.errors;

import io.stancestream.events.DeadLetter;
import io.stancestream.events.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;

/**
 * What both exception handlers share: where the dead letters go (the KIP-1034 setting {@value
 * StreamsConfig#ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG}, which the app sets to the {@code
 * articles-dlq} topic) and how a {@link DeadLetter} becomes a producer record. The handlers emit
 * our own {@code DeadLetter} JSON rather than Kafka's default DLQ format, so that the DLQ topic
 * holds one format whichever step rejected the record.
 */
final class DeadLetterHandlers {

  private static final JsonSerde<DeadLetter> SERDE = JsonSerde.of(DeadLetter.class);

  private String topic;
  private int maxOriginalBytes = DeadLetters.DEFAULT_MAX_ORIGINAL_BYTES;

  void configure(Map<String, ?> configs) {
    Object t = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    topic = t == null || t.toString().isBlank() ? null : t.toString();
    Object max = configs.get(DeadLetters.MAX_ORIGINAL_BYTES_CONFIG);
    if (max != null) {
      maxOriginalBytes = Integer.parseInt(max.toString().trim());
    }
  }

  /** The DLQ records for one failure: one record, or none (logged) when no DLQ is configured. */
  List<ProducerRecord<byte[], byte[]>> records(
      Logger log,
      String reason,
      Exception exception,
      String sourceTopic,
      int partition,
      long offset,
      byte[] rawKey,
      byte[] rawValue,
      long nowMs) {
    String detail = exception.getClass().getName() + ": " + exception.getMessage();
    if (topic == null) {
      log.error(
          "{} at {}-{}@{} and no {} is set: record skipped",
          reason,
          sourceTopic,
          partition,
          offset,
          StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
          exception);
      return List.of();
    }
    log.warn(
        "{} at {}-{}@{}: {} (sent to {})", reason, sourceTopic, partition, offset, detail, topic);
    DeadLetter letter =
        DeadLetters.of(
            reason,
            detail,
            sourceTopic,
            partition,
            offset,
            DeadLetters.keyText(rawKey),
            rawValue,
            Instant.ofEpochMilli(nowMs),
            maxOriginalBytes);
    byte[] key =
        letter.originalKey() == null ? null : letter.originalKey().getBytes(StandardCharsets.UTF_8);
    return List.of(new ProducerRecord<>(topic, null, nowMs, key, SERDE.serialize(topic, letter)));
  }
}
