package io.stancestream.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The embedded broker accepts transactional writes (the exactly-once settings are in place). */
@Tag("integration")
class EmbeddedKafkaIT {

  @Test
  void transactionalRoundTripOnOneNode() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      String topic = "embedded-it-" + System.nanoTime();
      kafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1)));

      Properties pp = kafka.adminProperties();
      pp.put("transactional.id", "embedded-it");
      try (var producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, "k", "v")).get();
        producer.commitTransaction();
      }

      Properties cp = kafka.adminProperties();
      cp.putAll(
          Map.of(
              "group.id", "embedded-it",
              "auto.offset.reset", "earliest",
              "isolation.level", "read_committed"));
      try (var consumer =
          new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, String>> got = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (got.isEmpty() && System.nanoTime() < deadline) {
          consumer.poll(Duration.ofMillis(200)).forEach(got::add);
        }
        assertThat(got).extracting(ConsumerRecord::value).containsExactly("v");
      }
    }
  }
}
