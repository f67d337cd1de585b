package io.stancestream.events;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed topic registry. Names come from configuration ({@code topic.<default-name>}); the
 * defaults are the names in DESIGN.md.
 */
public record Topics(
    Topic<String, Article> articles,
    Topic<String, DeadLetter> articlesDlq,
    Topic<String, ArticleStance> articleStance) {

  public static Topics from(StanceStreamConfig config) {
    Serde<String> key = Serdes.String();
    return new Topics(
        new Topic<>(config.topicName("articles"), key, JsonSerde.of(Article.class)),
        new Topic<>(config.topicName("articles-dlq"), key, JsonSerde.of(DeadLetter.class)),
        new Topic<>(config.topicName("article-stance"), key, JsonSerde.of(ArticleStance.class)));
  }

  /** Every topic the application reads or writes, for creation on a cluster. */
  public List<Topic<?, ?>> all() {
    return List.of(articles, articlesDlq, articleStance);
  }

  /** The output topics the demo and verifiers consume. */
  public List<Topic<?, ?>> outputs() {
    return List.of(articleStance, articlesDlq);
  }
}
