package io.stancestream.streams;

import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.StanceTrend;
import io.stancestream.events.TopicMentionCount;
import io.stancestream.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything read so far from the output topics of an app on a real broker, read_committed: what a
 * verifier sees.
 */
final class OutputTopics implements AutoCloseable {
  final List<ArticleStance> stances = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<KeyedMention> finals = new ArrayList<>();
  final List<StanceTrend> trends = new ArrayList<>();
  final List<Alert> alerts = new ArrayList<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final Topics topics;

  record KeyedMention(String key, TopicMentionCount value) {}

  OutputTopics(String bootstrapServers, Topics topics) {
    this.topics = topics;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "verifier-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(
        List.of(
            topics.articleStance().name(),
            topics.articlesDlq().name(),
            topics.topicMentionsFinal().name(),
            topics.stanceTrends().name(),
            topics.alerts().name()));
  }

  OutputTopics poll() {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
      String t = r.topic();
      if (t.equals(topics.articleStance().name())) {
        stances.add(topics.articleStance().valueSerde().deserializer().deserialize(t, r.value()));
      } else if (t.equals(topics.articlesDlq().name())) {
        deadLetters.add(topics.articlesDlq().valueSerde().deserializer().deserialize(t, r.value()));
      } else if (t.equals(topics.topicMentionsFinal().name())) {
        finals.add(
            new KeyedMention(
                r.key(),
                topics.topicMentionsFinal().valueSerde().deserializer().deserialize(t, r.value())));
      } else if (t.equals(topics.stanceTrends().name())) {
        trends.add(topics.stanceTrends().valueSerde().deserializer().deserialize(t, r.value()));
      } else {
        alerts.add(topics.alerts().valueSerde().deserializer().deserialize(t, r.value()));
      }
    }
    return this;
  }

  List<String> stanceIds() {
    return stances.stream().map(ArticleStance::articleId).toList();
  }

  /** Final tumbling counts of the generated day (the flush article's windows left out). */
  Map<String, Long> finalTumbling(Instant day) {
    Map<String, Long> m = new TreeMap<>();
    for (KeyedMention k : finals) {
      TopicMentionCount c = k.value();
      if (c.window().equals(TopicMentionCount.TUMBLING)
          && c.windowStart().isBefore(day.plus(Duration.ofHours(24)))) {
        m.put(k.key(), c.count());
      }
    }
    return m;
  }

  List<String> finalTumblingKeys() {
    return finals.stream()
        .filter(k -> k.value().window().equals(TopicMentionCount.TUMBLING))
        .map(KeyedMention::key)
        .toList();
  }

  List<String> alertIds() {
    return alerts.stream().map(Alert::id).toList();
  }

  List<String> alertIds(String rule) {
    return alerts.stream().filter(a -> a.rule().equals(rule)).map(Alert::id).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
