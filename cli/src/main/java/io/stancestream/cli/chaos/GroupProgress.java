package io.stancestream.cli.chaos;

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
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the streams app has got, from the outside: the offsets its consumer group committed
 * (which, under exactly-once, commit atomically with the outputs they produced) against the ends
 * of its source topics.
 */
final class GroupProgress implements AutoCloseable {

  private final Admin admin;
  private final String applicationId;
  private final String inputTopic;

  GroupProgress(Properties adminProps, String applicationId, String inputTopic) {
    this.admin = Admin.create(adminProps);
    this.applicationId = applicationId;
    this.inputTopic = inputTopic;
  }

  /** Input records whose processing has been committed (sum over the input's partitions). */
  long committedInput() throws InterruptedException {
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
   * committed. Committed offsets are read before end offsets: if they already reach the later ends,
   * nothing was in flight in between.
   */
  boolean caughtUp() throws InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed = committed();
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
                          p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      var ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(30, TimeUnit.SECONDS);
      for (var e : ends.entrySet()) {
        OffsetAndMetadata c = committed.get(e.getKey());
        if ((c == null ? 0 : c.offset()) < e.getValue().offset()) {
          return false;
        }
      }
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Partition count of one of the app's repartition topics, or -1 while it does not exist. */
  int repartitionPartitions(String name) throws InterruptedException {
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
