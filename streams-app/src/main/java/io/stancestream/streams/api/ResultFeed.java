package io.stancestream.streams.api;

import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topic;
import io.stancestream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the committed output of the app: a consumer (no group, {@code read_committed}) assigned
 * every partition of {@code article-stance}, {@code alerts}, {@code articles-dlq}, {@code
 * stance-trends} and {@code topic-mentions}, starting at their ends, hands each new record to the
 * listeners as an {@link Event}. It feeds the SSE stream and the output-side metrics; it never
 * writes anything.
 */
final class ResultFeed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ResultFeed.class);

  /** Event types, also the SSE event names. */
  static final String ARTICLE = "article";

  static final String ALERT = "alert";
  static final String DEAD_LETTER = "dead-letter";
  static final String TREND = "trend";
  static final String MENTIONS = "mentions";

  /**
   * One committed output record.
   *
   * @param type {@link #ARTICLE}, {@link #ALERT}, {@link #DEAD_LETTER}, {@link #TREND} or {@link
   *     #MENTIONS}
   * @param json the record value as published
   * @param value the decoded value ({@link ArticleStance}, {@link Alert}, {@link DeadLetter},
   *     {@link io.stancestream.events.StanceTrend} or {@link
   *     io.stancestream.events.TopicMentionCount})
   */
  record Event(String type, String json, Object value) {}

  private final Topics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile boolean started;

  ResultFeed(StanceStreamConfig cfg, Topics topics) {
    this.topics = topics;
    Properties p = cfg.clientProperties("consumer.");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, cfg.get("application.id") + "-query-feed");
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "stancestream-result-feed");
    thread.setDaemon(true);
  }

  void addListener(Consumer<Event> listener) {
    listeners.add(listener);
  }

  /** Starts following; returns once the consumer is positioned at the topics' ends (or timeout). */
  boolean start(Duration timeout) throws InterruptedException {
    started = true;
    thread.start();
    return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      List<TopicPartition> partitions = partitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Resolve the end offsets now, so that whatever is committed after start() is seen.
      partitions.forEach(consumer::position);
      positioned.countDown();
      while (!closed) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          dispatch(r);
        }
      }
    } catch (WakeupException e) {
      if (!closed) {
        LOG.error("result feed woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("result feed stopped: live updates and output metrics are off", e);
    } finally {
      positioned.countDown();
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Every partition of the followed topics; waits (until closed) for topics not created yet. */
  private List<TopicPartition> partitions() throws WakeupException {
    List<String> names =
        List.of(
            topics.articleStance().name(),
            topics.alerts().name(),
            topics.articlesDlq().name(),
            topics.stanceTrends().name(),
            topics.topicMentions().name());
    while (!closed) {
      List<TopicPartition> out = new ArrayList<>();
      boolean missing = false;
      for (String name : names) {
        List<PartitionInfo> infos = consumer.partitionsFor(name, Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
          missing = true;
          LOG.info("result feed waiting for topic {} to exist", name);
        } else {
          infos.forEach(i -> out.add(new TopicPartition(i.topic(), i.partition())));
        }
      }
      if (!missing) {
        return out;
      }
      try {
        if (stopping.await(2, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return List.of();
  }

  private void dispatch(ConsumerRecord<byte[], byte[]> r) {
    if (r.value() == null) {
      return;
    }
    Event event;
    try {
      String json = new String(r.value(), StandardCharsets.UTF_8);
      String topic = r.topic();
      if (topic.equals(topics.articleStance().name())) {
        event = new Event(ARTICLE, json, decode(topics.articleStance(), r));
      } else if (topic.equals(topics.alerts().name())) {
        event = new Event(ALERT, json, decode(topics.alerts(), r));
      } else if (topic.equals(topics.articlesDlq().name())) {
        event = new Event(DEAD_LETTER, json, decode(topics.articlesDlq(), r));
      } else if (topic.equals(topics.stanceTrends().name())) {
        event = new Event(TREND, json, decode(topics.stanceTrends(), r));
      } else {
        event = new Event(MENTIONS, json, decode(topics.topicMentions(), r));
      }
    } catch (RuntimeException e) {
      LOG.warn("result feed skips an unreadable record on {}: {}", r.topic(), e.getMessage());
      return;
    }
    for (Consumer<Event> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("result feed listener failed on a {} event", event.type(), e);
      }
    }
  }

  private static <V> V decode(Topic<String, V> topic, ConsumerRecord<byte[], byte[]> r) {
    return topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
  }

  @Override
  public void close() {
    closed = true;
    stopping.countDown();
    if (!started) {
      consumer.close(Duration.ZERO);
      return;
    }
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
