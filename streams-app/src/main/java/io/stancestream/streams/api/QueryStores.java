package io.stancestream.streams.api;

import io.stancestream.events.ArticleStance;
import io.stancestream.events.Topics;
import io.stancestream.streams.StanceTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The state stores the query API reads, and the one piece of topology that exists only for it: the
 * latest {@link ArticleStance} per article id, materialized in {@value #ARTICLE_STANCE}.
 *
 * <p>The other stores the API reads belong to the main topology: {@link
 * StanceTopology#TOPIC_MENTIONS_TUMBLING}, {@link StanceTopology#TOPIC_MENTIONS_HOPPING}, {@link
 * StanceTopology#STANCE_TRENDS} (window stores) and {@link StanceTopology#EMITTED_ALERTS} (every
 * alert published, by alert id), exposed here as {@link #ALERTS}.
 */
public final class QueryStores {

  /**
   * Key-value store: article id to its latest {@link ArticleStance}, as the JSON bytes of the
   * {@code article-stance} topic (decoded when the API reads them).
   */
  public static final String ARTICLE_STANCE = "article-stance-store";

  /** Key-value store: alert id to {@link io.stancestream.events.Alert}. */
  public static final String ALERTS = StanceTopology.EMITTED_ALERTS;

  private QueryStores() {}

  /**
   * Materializes the {@code article-stance} topic as a table in {@value #ARTICLE_STANCE}. The topic
   * is compacted and keyed by article id, so it serves as the store's changelog (with {@link
   * StanceTopology#OPTIMIZATIONS}): each stance is written to Kafka once, not again to a changelog
   * topic. The values stay the topic's bytes, so storing them costs no serde work; the store lags
   * the topic by up to one commit (under exactly-once it reads committed records only).
   */
  public static void materialize(StreamsBuilder builder, Topics topics) {
    builder.table(
        topics.articleStance().name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("article-stance-table"),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(ARTICLE_STANCE)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
  }
}
