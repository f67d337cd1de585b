package io.stancestream.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How far the streams app has got, from the outside: the offsets its consumer group committed
 * (which, under exactly-once, commit atomically with the outputs they produced) against the ends of
 * its source topics.
 */
public final class GroupProgress implements AutoCloseable {

  private final Admin admin;
  private final Properties consumerProps;
  private final String applicationId;
  private final String inputTopic;

  public GroupProgress(
      Properties adminProps, Properties consumerProps, String applicationId, String inputTopic) {
    this.admin = Admin.create(adminProps);
    this.consumerProps = new Properties();
    this.consumerProps.putAll(consumerProps);
    this.consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.applicationId = applicationId;
    this.inputTopic = inputTopic;
  }

  /** Input records whose processing has been committed (sum over the input's partitions). */
  public long committedInput() throws InterruptedException {
    try {
      return committed().entrySet().stream()
          .filter(e -> e.getKey().topic().equals(inputTopic))
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    }
  }

  /**
   * True when everything in the input and the app's repartition topics has been processed and
   * committed, allowing for trailing transaction markers (see {@link #onlyMarkersAfter}).
   */
  public boolean caughtUp() throws InterruptedException {
    try {
      Lag lag = lag(sourcePartitions());
      return lag.behind().isEmpty() || onlyMarkersAfter(lag.behind(), lag.ends());
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /**
   * True when every partition of {@code sources} is committed up to its end, strictly (no allowance
   * for markers): a cheap check to poll with partitions found once by {@link #sourcePartitions}.
   */
  public boolean committedToEnds(Map<TopicPartition, OffsetSpec> sources)
      throws InterruptedException, ExecutionException, TimeoutException {
    return lag(sources).behind().isEmpty();
  }

  /** The partitions of the input and of the app's repartition topics that exist now. */
  public Map<TopicPartition, OffsetSpec> sourcePartitions()
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> sources =
        admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
            .filter(
                t ->
                    t.equals(inputTopic)
                        || (t.startsWith(applicationId + "-") && t.endsWith("-repartition")))
            .collect(Collectors.toSet());
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(sources)
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .forEach(
            (name, d) ->
                d.partitions()
                    .forEach(
                        p ->
                            latest.put(
                                new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    return latest;
  }

  /** Partitions committed short of their read-committed end (with that offset), and the ends. */
  private record Lag(
      Map<TopicPartition, Long> behind, Map<TopicPartition, ListOffsetsResultInfo> ends) {}

  /**
   * Committed offsets are read before end offsets: if they already reach the later ends, nothing
   * was in flight in between.
   */
  private Lag lag(Map<TopicPartition, OffsetSpec> sources)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed = committed();
    var ends =
        admin
            .listOffsets(sources, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
            .all()
            .get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> behind = new HashMap<>();
    for (var e : ends.entrySet()) {
      OffsetAndMetadata c = committed.get(e.getKey());
      long done = c == null ? 0 : c.offset();
      if (done < e.getValue().offset()) {
        behind.put(e.getKey(), done);
      }
    }
    return new Lag(behind, ends);
  }

  /**
   * True when nothing but transaction markers (or aborted records) lies between each committed
   * offset and the end: a transactional writer leaves a commit marker after its last record, and an
   * idle task has no reason to commit past it.
   */
  private boolean onlyMarkersAfter(
      Map<TopicPartition, Long> committed, Map<TopicPartition, ListOffsetsResultInfo> ends) {
    try (var consumer =
        new KafkaConsumer<>(
            consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(committed.keySet());
      committed.forEach(consumer::seek);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        if (!consumer.poll(Duration.ofMillis(100)).isEmpty()) {
          return false;
        }
        if (committed.keySet().stream()
            .allMatch(tp -> consumer.position(tp) >= ends.get(tp).offset())) {
          return true;
        }
      }
      return false;
    }
  }

  /** Partition count of one of the app's repartition topics, or -1 while it does not exist. */
  public int repartitionPartitions(String name) throws InterruptedException {
    String topic = applicationId + "-" + name + "-repartition";
    try {
      return admin
          .describeTopics(Set.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .size();
    } catch (ExecutionException | TimeoutException e) {
      return -1;
    }
  }

  private Map<TopicPartition, OffsetAndMetadata> committed()
      throws InterruptedException, ExecutionException, TimeoutException {
    return admin
        .listConsumerGroupOffsets(applicationId)
        .partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    admin.close();
  }
}
