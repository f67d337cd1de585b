package io.stancestream.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic registry. Names come from configuration ({@code topic.<default-name>}); the
 * defaults are the names in DESIGN.md.
 *
 * <p>{@code topic-mentions} is the live stream of window counts (a new record each time a window's
 * count changes: use it for dashboards); {@code topic-mentions-final} carries exactly one record
 * per topic and window once the window has closed (end + grace passed in event time: use it for
 * reports and anything that must not see partial counts).
 */
public record Topics(
    Topic<String, Article> articles,
    Topic<String, DeadLetter> articlesDlq,
    Topic<String, ArticleStance> articleStance,
    Topic<String, TopicMentionCount> topicMentions,
    Topic<String, TopicMentionCount> topicMentionsFinal,
    Topic<String, StanceTrend> stanceTrends,
    Topic<String, Alert> alerts) {

  public static Topics from(StanceStreamConfig config) {
    Serde<String> key = Serdes.String();
    return new Topics(
        new Topic<>(config.topicName("articles"), key, JsonSerde.of(Article.class)),
        new Topic<>(config.topicName("articles-dlq"), key, JsonSerde.of(DeadLetter.class)),
        new Topic<>(config.topicName("article-stance"), key, JsonSerde.of(ArticleStance.class)),
        new Topic<>(config.topicName("topic-mentions"), key, JsonSerde.of(TopicMentionCount.class)),
        new Topic<>(
            config.topicName("topic-mentions-final"), key, JsonSerde.of(TopicMentionCount.class)),
        new Topic<>(config.topicName("stance-trends"), key, JsonSerde.of(StanceTrend.class)),
        new Topic<>(config.topicName("alerts"), key, JsonSerde.of(Alert.class)));
  }

  /** Every topic the application reads or writes, for creation on a cluster. */
  public List<Topic<?, ?>> all() {
    return List.of(
        articles,
        articlesDlq,
        articleStance,
        topicMentions,
        topicMentionsFinal,
        stanceTrends,
        alerts);
  }

  /** The output topics the demo and verifiers consume. */
  public List<Topic<?, ?>> outputs() {
    return List.of(
        articleStance, articlesDlq, topicMentions, topicMentionsFinal, stanceTrends, alerts);
  }
}
