package io.stancestream.producer;

import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topic;
import io.stancestream.events.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes articles to the {@code articles} topic, keyed by article id, with {@code acks=all} and
 * idempotence on, so a retried send never writes a second copy. Client settings come from {@code
 * kafka.*} and {@code producer.*} configuration (TLS, SASL, batching pass straight through).
 */
public final class KafkaArticleSink implements ArticleSink {

  private final KafkaProducer<String, Article> producer;
  private final Topic<String, Article> topic;

  public KafkaArticleSink(StanceStreamConfig config) {
    if (config.embeddedBroker()) {
      throw new IllegalArgumentException(
          "bootstrap.servers is 'embedded': start the broker (./stancestream broker) and pass"
              + " --bootstrap-servers host:port");
    }
    this.topic = Topics.from(config).articles();
    Properties props = config.clientProperties("producer.");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "stancestream-producer");
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer =
        new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  @Override
  public CompletableFuture<Void> send(Article article) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    producer.send(
        // Record time is the send time: old publication dates as record timestamps would let
        // time-based retention delete a replayed archive at once. Event time is publishedAt,
        // which the streams app reads with its own TimestampExtractor.
        new ProducerRecord<>(topic.name(), article.id(), article),
        (metadata, error) -> {
          if (error != null) {
            done.completeExceptionally(error);
          } else {
            done.complete(null);
          }
        });
    return done;
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
