package io.stancestream.cli.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.cli.chaos.Expectations.MentionTotal;
import io.stancestream.cli.chaos.Expectations.MentionWindow;
import io.stancestream.cli.chaos.Expectations.TrendTotal;
import io.stancestream.cli.chaos.Expectations.TrendWindow;
import io.stancestream.events.Alert;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceLabel;
import io.stancestream.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every committed output of a chaos run (read_committed, from the beginning, no consumer
 * group) and compares it with the {@link Expectations}: one {@code article-stance} record per
 * distinct valid article, one dead letter per poison record, every final window equal to its
 * recomputation, every alert id once and every strong-stance alert present.
 */
final class OutputVerifier {

  /** What the comparison found; {@link #examples} names the first few differences. */
  record Verdict(
      long outputs,
      long missingStances,
      long duplicateStances,
      long unexpectedStances,
      long dlqRecords,
      long dlqMissing,
      long dlqDuplicates,
      long mentionWindows,
      long mentionMismatches,
      long trendWindows,
      long trendMismatches,
      long finalDuplicates,
      long alerts,
      long alertDuplicates,
      long strongExpected,
      long strongMissing,
      long strongUnexpected,
      List<String> examples) {

    long missing() {
      return missingStances + dlqMissing;
    }

    long duplicates() {
      return duplicateStances + dlqDuplicates + finalDuplicates + alertDuplicates;
    }

    long countMismatches() {
      return mentionMismatches
          + trendMismatches
          + strongMissing
          + strongUnexpected
          + unexpectedStances;
    }
  }

  private static final int MAX_EXAMPLES = 10;

  private final Properties consumerProps;
  private final Topics topics;

  OutputVerifier(Properties consumerProps, Topics topics) {
    this.consumerProps = consumerProps;
    this.topics = topics;
  }

  Verdict verify(Expectations expected, long streamTimeMs) {
    List<String> examples = new ArrayList<>();
    Map<String, Integer> stances = new HashMap<>();
    Map<String, Integer> dlq = new HashMap<>();
    Map<String, Integer> finals = new HashMap<>();
    Map<String, Integer> alerts = new HashMap<>();
    Map<MentionWindow, MentionTotal> mentions = new HashMap<>();
    Map<TrendWindow, TrendTotal> trends = new HashMap<>();

    read(topics.articleStance().name(), (key, value) -> stances.merge(key, 1, Integer::sum));
    read(topics.articlesDlq().name(), (key, value) -> dlq.merge(key, 1, Integer::sum));
    read(
        topics.topicMentionsFinal().name(),
        (key, value) -> {
          JsonNode v = tree(value);
          finals.merge("topic-mentions-final " + key, 1, Integer::sum);
          mentions.put(
              new MentionWindow(
                  v.path("window").asText(),
                  v.path("topic").asText(),
                  Instant.parse(v.path("windowStart").asText()).toEpochMilli()),
              new MentionTotal(v.path("count").asLong(), v.path("articles").asLong()));
        });
    read(
        topics.stanceTrends().name(),
        (key, value) -> {
          JsonNode v = tree(value);
          if (!v.path("final").asBoolean()) {
            return;
          }
          finals.merge("stance-trends " + key, 1, Integer::sum);
          Map<StanceLabel, Long> counts = new EnumMap<>(StanceLabel.class);
          v.path("counts")
              .fields()
              .forEachRemaining(
                  e -> {
                    if (e.getValue().asLong() > 0) {
                      counts.put(StanceLabel.valueOf(e.getKey()), e.getValue().asLong());
                    }
                  });
          trends.put(
              new TrendWindow(
                  v.path("outlet").asText(),
                  Instant.parse(v.path("windowStart").asText()).toEpochMilli()),
              new TrendTotal(counts, v.path("n").asLong()));
        });
    read(topics.alerts().name(), (key, value) -> alerts.merge(key, 1, Integer::sum));

    // article-stance: exactly one per distinct valid article id.
    Set<String> ids = expected.articles().keySet();
    long missingStances = ids.stream().filter(id -> !stances.containsKey(id)).count();
    long duplicateStances = excess(stances);
    long unexpected = stances.keySet().stream().filter(k -> !ids.contains(k)).count();
    ids.stream()
        .filter(id -> !stances.containsKey(id))
        .limit(3)
        .forEach(id -> example(examples, "no article-stance for " + id));
    stances.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .limit(3)
        .forEach(
            e -> example(examples, e.getValue() + " article-stance records for " + e.getKey()));

    // articles-dlq: exactly one per poison record.
    Set<String> poison = expected.poisonKeys();
    long dlqMissing = poison.stream().filter(k -> !dlq.containsKey(k)).count();
    long dlqDuplicates = excess(dlq);
    poison.stream()
        .filter(k -> !dlq.containsKey(k))
        .limit(3)
        .forEach(k -> example(examples, "no dead letter for " + k));

    // Final windows: one record each, equal to the recomputation.
    long finalDuplicates = excess(finals);
    finals.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .limit(3)
        .forEach(e -> example(examples, e.getValue() + " final records for " + e.getKey()));
    long mentionMismatches =
        compare(expected.finalMentions(streamTimeMs), mentions, "topic-mentions-final", examples);
    long trendMismatches =
        compare(expected.finalTrends(streamTimeMs), trends, "stance-trends final", examples);

    // Alerts: never twice; every strong-stance alert the input implies, and no other.
    long alertDuplicates = excess(alerts);
    Set<String> strongExpected = expected.strongStanceAlerts();
    Set<String> strongActual = new HashSet<>();
    alerts.keySet().stream()
        .filter(k -> k.startsWith(Alert.STRONG_STANCE + "@"))
        .forEach(strongActual::add);
    long strongMissing = strongExpected.stream().filter(k -> !strongActual.contains(k)).count();
    long strongUnexpected = strongActual.stream().filter(k -> !strongExpected.contains(k)).count();
    strongExpected.stream()
        .filter(k -> !strongActual.contains(k))
        .limit(2)
        .forEach(k -> example(examples, "missing alert " + k));
    strongActual.stream()
        .filter(k -> !strongExpected.contains(k))
        .limit(2)
        .forEach(k -> example(examples, "unexpected alert " + k));

    return new Verdict(
        stances.values().stream().mapToLong(Integer::longValue).sum(),
        missingStances,
        duplicateStances,
        unexpected,
        dlq.values().stream().mapToLong(Integer::longValue).sum(),
        dlqMissing,
        dlqDuplicates,
        mentions.size(),
        mentionMismatches,
        trends.size(),
        trendMismatches,
        finalDuplicates,
        alerts.values().stream().mapToLong(Integer::longValue).sum(),
        alertDuplicates,
        strongExpected.size(),
        strongMissing,
        strongUnexpected,
        List.copyOf(examples));
  }

  /** Windows missing, extra or different, each counted once. */
  private static <K, V> long compare(
      Map<K, V> expected, Map<K, V> actual, String what, List<String> examples) {
    long mismatches = 0;
    for (var e : expected.entrySet()) {
      V got = actual.get(e.getKey());
      if (!e.getValue().equals(got)) {
        mismatches++;
        example(examples, what + " " + e.getKey() + ": expected " + e.getValue() + ", got " + got);
      }
    }
    for (var e : actual.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        mismatches++;
        example(examples, what + " " + e.getKey() + ": not expected, got " + e.getValue());
      }
    }
    return mismatches;
  }

  private static long excess(Map<String, Integer> counts) {
    return counts.values().stream().mapToLong(n -> n - 1L).sum();
  }

  private static void example(List<String> examples, String s) {
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(s);
    }
  }

  private static JsonNode tree(byte[] value) {
    try {
      return JsonSerde.MAPPER.readTree(value);
    } catch (IOException e) {
      return JsonSerde.MAPPER.missingNode();
    }
  }

  /** Every committed record of {@code topic}, from the beginning to its current end. */
  private void read(String topic, BiConsumer<String, byte[]> sink) {
    Properties p = new Properties();
    p.putAll(consumerProps);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (var consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in 5 minutes");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          sink.accept(r.key(), r.value());
        }
      }
    }
  }
}
