package io.stancestream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.events.JsonSerde;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows output topics from the beginning (read_committed, no consumer group) and hands every
 * record to a callback as JSON. Runs on its own thread until closed.
 */
final class OutputTail implements AutoCloseable {

  /** One output record: its topic, key and the value as a JSON tree. */
  record Output(String topic, String key, JsonNode value, long timestamp) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Collection<String> topics;
  private final Consumer<Output> sink;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Map<TopicPartition, Long> positions = Map.of();
  private List<TopicPartition> assigned = List.of();

  OutputTail(Properties clientProps, Collection<String> topics, Consumer<Output> sink) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.topics = List.copyOf(topics);
    this.sink = sink;
    this.thread = new Thread(this::loop, "output-tail");
    this.thread.setDaemon(true);
  }

  void start() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    assigned = List.copyOf(partitions);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    thread.start();
  }

  private void loop() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          sink.accept(new Output(r.topic(), r.key(), parse(r.value()), r.timestamp()));
        }
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
          now.put(tp, consumer.position(tp));
        }
        positions = now;
      }
    } catch (WakeupException e) {
      // closing
    }
  }

  /** Every partition of the output topics. */
  List<TopicPartition> assigned() {
    return assigned;
  }

  /** Positions after the last poll whose records have all been handed to the sink. */
  Map<TopicPartition, Long> positions() {
    return positions;
  }

  private static JsonNode parse(byte[] value) {
    if (value == null) {
      return JsonSerde.MAPPER.nullNode();
    }
    try {
      return JsonSerde.MAPPER.readTree(value);
    } catch (IOException e) {
      return JsonSerde.MAPPER.valueToTree(Map.of("unparseable", new String(value)));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5_000);
    consumer.close(Duration.ofSeconds(2));
  }
}
