package io.stancestream.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the committed records that reach an output topic after {@link #start()}: a read_committed
 * consumer (no group) positioned at the topic's end, so records become visible exactly when an
 * exactly-once transaction commits. Values are not parsed; a callback may see each key with the
 * {@link System#nanoTime()} at which it arrived.
 */
final class OutputWatcher implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final BiConsumer<String, Long> onRecord;
  private final Thread thread;
  private final Object lock = new Object();
  private volatile boolean running = true;
  private long count;
  private long reachedAt = -1;
  private long target = Long.MAX_VALUE;

  OutputWatcher(Properties clientProps, String topic, BiConsumer<String, Long> onRecord) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-watch-" + topic);
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.onRecord = onRecord;
    this.thread = new Thread(this::loop, "bench-watch-" + topic);
    this.thread.setDaemon(true);
  }

  /** Positions at the current end of the topic and starts counting. */
  OutputWatcher start() {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer
        .partitionsFor(topic, Duration.ofSeconds(30))
        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    consumer.assign(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
    ends.forEach(consumer::seek);
    thread.start();
    return this;
  }

  private void loop() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(100));
        long now = System.nanoTime();
        if (records.isEmpty()) {
          continue;
        }
        for (ConsumerRecord<String, byte[]> r : records) {
          onRecord.accept(r.key(), now);
        }
        synchronized (lock) {
          count += records.count();
          if (reachedAt < 0 && count >= target) {
            reachedAt = now;
          }
          lock.notifyAll();
        }
      }
    } catch (WakeupException e) {
      // closing
    }
  }

  /**
   * Waits until {@code n} records have arrived since {@link #start()}.
   *
   * @return the {@link System#nanoTime()} of the poll that delivered the n-th record, or -1 if that
   *     did not happen within {@code limit}
   */
  long awaitCount(long n, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (lock) {
      target = n;
      if (reachedAt < 0 && count >= n) {
        reachedAt = System.nanoTime();
      }
      while (reachedAt < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return -1;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
      return reachedAt;
    }
  }

  long count() {
    synchronized (lock) {
      return count;
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
