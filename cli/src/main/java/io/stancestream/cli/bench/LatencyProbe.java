package io.stancestream.cli.bench;

import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import io.stancestream.streams.StanceStreamApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * End-to-end latency of the running pipeline: articles are published at a steady rate, well below
 * capacity, into the input of a running app, and each one's latency is the time from the send call
 * to the arrival of its committed {@code article-stance} record (one JVM, one clock). The first
 * second of records is a warm-up and not counted.
 */
final class LatencyProbe {

  /** Latency percentiles in milliseconds over {@code samples} articles. */
  record Result(int samples, double ratePerSecond, double p50, double p99, double max) {}

  private LatencyProbe() {}

  /**
   * @param cfg settings whose {@code topic.articles} is the (empty) latency input topic
   * @param articles articles not yet published anywhere
   * @param ratePerSecond send rate
   */
  static Result measure(
      StanceStreamConfig cfg,
      String applicationId,
      Function<StanceStreamConfig, Topology> topology,
      List<Article> articles,
      double ratePerSecond)
      throws InterruptedException {
    StanceStreamConfig runCfg = cfg.with("application.id", applicationId);
    Topics topics = Topics.from(runCfg);
    Properties props = StanceStreamApp.streamsProperties(runCfg, topics);
    int warmup = (int) Math.min(articles.size() / 5, Math.ceil(ratePerSecond));
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> latency = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(articles.size());
    try (OutputWatcher watcher =
        new OutputWatcher(
                cfg.clientProperties("consumer."),
                topics.articleStance().name(),
                (key, at) -> {
                  Long sent = sentAt.get(key);
                  if (sent != null && latency.putIfAbsent(key, at - sent) == null) {
                    all.countDown();
                  }
                })
            .start()) {
      KafkaStreams streams = new KafkaStreams(topology.apply(runCfg), props);
      CountDownLatch running = new CountDownLatch(1);
      AtomicReference<KafkaStreams.State> last = new AtomicReference<>();
      streams.setStateListener(
          (now, before) -> {
            last.set(now);
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
              running.countDown();
            }
          });
      try {
        streams.start();
        if (!running.await(3, TimeUnit.MINUTES) || last.get() != KafkaStreams.State.RUNNING) {
          throw new IllegalStateException(applicationId + " did not reach RUNNING: " + last.get());
        }
        send(cfg, topics.articles().name(), articles, ratePerSecond, sentAt);
        if (!all.await(2, TimeUnit.MINUTES)) {
          throw new IllegalStateException(
              "only " + latency.size() + " of " + articles.size() + " articles came out");
        }
      } finally {
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
      }
    }
    double[] ms =
        articles.stream().skip(warmup).mapToDouble(a -> latency.get(a.id()) / 1e6).toArray();
    return new Result(
        ms.length,
        ratePerSecond,
        Percentiles.percentile(ms, 50),
        Percentiles.percentile(ms, 99),
        Percentiles.percentile(ms, 100));
  }

  private static void send(
      StanceStreamConfig cfg,
      String topic,
      List<Article> articles,
      double ratePerSecond,
      Map<String, Long> sentAt)
      throws InterruptedException {
    Properties p = new Properties();
    p.putAll(cfg.clientProperties("producer."));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "bench-latency-producer");
    p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    JsonSerde<Article> serde = JsonSerde.of(Article.class);
    long periodNanos = (long) (1e9 / ratePerSecond);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), (t, v) -> v)) {
      long next = System.nanoTime();
      for (Article a : articles) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        byte[] value = serde.serialize(topic, a);
        sentAt.put(a.id(), System.nanoTime());
        producer.send(new ProducerRecord<>(topic, a.id(), value));
        next += periodNanos;
      }
      producer.flush();
    }
  }
}
