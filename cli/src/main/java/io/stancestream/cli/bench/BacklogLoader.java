package io.stancestream.cli.bench;

import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles to a topic the way {@code produce} does (key = article id, JSON value, acks
 * all, idempotent, lz4 unless configured otherwise) and measures the rate: from the first send to
 * the last acknowledgement, serialization included.
 */
final class BacklogLoader {

  /** Producer throughput. */
  record Result(long records, long bytes, double seconds) {
    double recordsPerSecond() {
      return records / seconds;
    }

    double mbPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  private BacklogLoader() {}

  static Result load(Properties clientProps, String topic, List<Article> articles) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "bench-producer");
    p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    JsonSerde<Article> serde = JsonSerde.of(Article.class);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long bytes = 0;
    long start;
    long end;
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), (t, v) -> v)) {
      start = System.nanoTime();
      for (Article a : articles) {
        byte[] value = serde.serialize(topic, a);
        bytes += value.length;
        producer.send(
            new ProducerRecord<>(topic, a.id(), value),
            (meta, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
      end = System.nanoTime();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(
          "cannot publish the bench articles: " + failure.get(), failure.get());
    }
    return new Result(articles.size(), bytes, (end - start) / 1e9);
  }
}
