package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import io.stancestream.streams.errors.DeadLetterDeserializationHandler;
import io.stancestream.streams.errors.DeadLetterProcessingHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class StanceStreamAppTest {

  private static Properties props(Map<String, String> settings) {
    StanceStreamConfig cfg = StanceStreamConfig.of(settings);
    return StanceStreamApp.streamsProperties(cfg, Topics.from(cfg));
  }

  @Test
  void exactlyOnceV2DeadLetterHandlersAndExplicitNamingAreTheDefaults() {
    Properties p = props(Map.of("bootstrap.servers", "broker:9092"));
    assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo("exactly_once_v2");
    assertThat(p.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("stancestream");
    assertThat(p.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
    assertThat(p.getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("articles-dlq");
    assertThat(p.getProperty(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterProcessingHandler.class.getName());
    assertThat(p.getProperty(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterDeserializationHandler.class.getName());
    assertThat(p.getProperty(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
        .isEqualTo("true");
    // The properties are valid Kafka Streams settings.
    new StreamsConfig(p);
  }

  @Test
  void streamsAndKafkaPrefixedSettingsPassThroughAndWin() {
    Properties p =
        props(
            Map.of(
                "bootstrap.servers", "broker:9092",
                "topic.articles-dlq", "bad-articles",
                "commit.interval", "PT0.25S",
                "kafka.security.protocol", "SASL_SSL",
                "streams.num.stream.threads", "4",
                "streams.processing.guarantee", "at_least_once"));
    assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(p.getProperty("num.stream.threads")).isEqualTo("4");
    assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("at_least_once");
    assertThat(p.getProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("250");
    assertThat(p.getProperty(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("bad-articles");
  }

  @Test
  void theEmbeddedPlaceholderIsRefused() {
    assertThatThrownBy(() -> new StanceStreamApp(StanceStreamConfig.of(Map.of()), (t, b) -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embedded");
  }

  @Test
  void timeoutsAndRetriableErrorsAreTransientOthersAreNot() {
    assertThat(StanceStreamApp.isTransient(new StreamsException(new TimeoutException("t"))))
        .isTrue();
    assertThat(StanceStreamApp.isTransient(new NotLeaderOrFollowerException("moved"))).isTrue();
    assertThat(
            StanceStreamApp.isTransient(
                new StreamsException(
                    new org.apache.kafka.streams.errors.InvalidStateStoreException("segment"))))
        .isTrue();
    assertThat(StanceStreamApp.isTransient(new StreamsException(new IllegalStateException("bug"))))
        .isFalse();
  }
}
