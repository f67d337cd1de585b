package io.stancestream.cli.bench;

import io.stancestream.events.Article;
import io.stancestream.events.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ceiling the full topology is compared with, as in Kafka's own {@code
 * streams_simple_benchmark}: read {@code articles} and write every record unchanged to another
 * topic, through the same serde ({@code JsonSerde<Article>} in and out) under the same settings.
 *
 * <pre>
 * articles (String id, Article JSON) ─▶ bench-passthrough (String id, Article JSON)
 * </pre>
 *
 * <p>A {@code peek} ticks the run's {@link ProcessedClock} for every record.
 */
public final class PassthroughTopology {

  private PassthroughTopology() {}

  static Topology build(Topic<String, Article> input, String output, ProcessedClock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            input.name(),
            Consumed.with(input.keySerde(), input.valueSerde()).withName("passthrough-source"))
        .peek((id, article) -> clock.tick(), Named.as("passthrough-clock"))
        .to(
            output,
            Produced.with(input.keySerde(), input.valueSerde()).withName("passthrough-sink"));
    return builder.build();
  }
}
