package io.stancestream.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.DeadLetter;
import io.stancestream.events.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/**
 * The deserialization handler on its own (the topology reads raw bytes, so it cannot trigger it).
 */
class DeadLetterHandlersTest {

  private static ErrorHandlerContext context(byte[] key, byte[] value) {
    return new ErrorHandlerContext() {
      public String topic() {
        return "some-repartition";
      }

      public int partition() {
        return 2;
      }

      public long offset() {
        return 17;
      }

      public Headers headers() {
        return new RecordHeaders();
      }

      public String processorNodeId() {
        return "source";
      }

      public TaskId taskId() {
        return new TaskId(1, 2);
      }

      public long timestamp() {
        return 0;
      }

      public byte[] sourceRawKey() {
        return key;
      }

      public byte[] sourceRawValue() {
        return value;
      }
    };
  }

  @Test
  void aRecordThatCannotBeDeserializedBecomesADeadLetterAndProcessingResumes() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(
        Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "articles-dlq",
            DeadLetters.MAX_ORIGINAL_BYTES_CONFIG, "4"));
    byte[] key = "k1".getBytes(StandardCharsets.UTF_8);
    byte[] value = {1, 2, 3, 4, 5, 6};
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("some-repartition", 2, 17L, key, value);

    DeserializationExceptionHandler.Response response =
        handler.handleError(context(key, value), record, new IllegalArgumentException("bad bytes"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
    assertThat(out.topic()).isEqualTo("articles-dlq");
    assertThat(out.key()).isEqualTo(key);
    DeadLetter d = JsonSerde.of(DeadLetter.class).deserialize("articles-dlq", out.value());
    assertThat(d.reason()).isEqualTo("deserialization-failed");
    assertThat(d.detail()).contains("bad bytes").contains("truncated to its first 4 of 6 bytes");
    assertThat(d.sourceTopic()).isEqualTo("some-repartition");
    assertThat(d.sourcePartition()).isEqualTo(2);
    assertThat(d.sourceOffset()).isEqualTo(17);
    assertThat(d.originalKey()).isEqualTo("k1");
    assertThat(d.originalValue()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void withoutADeadLetterTopicTheRecordIsSkippedAndLogged() {
    DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
    handler.configure(Map.of());
    DeserializationExceptionHandler.Response response =
        handler.handleError(
            context(null, null),
            new ConsumerRecord<>("t", 0, 0L, null, null),
            new IllegalArgumentException("x"));
    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }
}
