package io.stancestream.streams.api;

import io.stancestream.events.ArticleStance;
import io.stancestream.events.Topics;
import io.stancestream.streams.StanceTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
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

  /** Key-value store: article id to its latest {@link ArticleStance}. */
  public static final String ARTICLE_STANCE = "article-stance-store";

  /** Key-value store: alert id to {@link io.stancestream.events.Alert}. */
  public static final String ALERTS = StanceTopology.EMITTED_ALERTS;

  private QueryStores() {}

  /**
   * Materializes the enriched stream as a table in {@value #ARTICLE_STANCE}. The stream is keyed by
   * article id already, so this adds a store (and its changelog) but no repartition.
   */
  public static void materialize(KStream<String, ArticleStance> stances, Topics topics) {
    stances.toTable(
        Named.as("article-stance-table"),
        Materialized.<String, ArticleStance, KeyValueStore<Bytes, byte[]>>as(ARTICLE_STANCE)
            .withKeySerde(Serdes.String())
            .withValueSerde(topics.articleStance().valueSerde()));
  }
}
