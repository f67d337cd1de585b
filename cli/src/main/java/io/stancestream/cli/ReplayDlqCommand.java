package io.stancestream.cli;

import io.stancestream.events.DeadLetter;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code replay-dlq}: after a fix (a raised limit, a new schema version, a repaired parser),
 * publishes the original bytes of dead letters back to {@code articles} with their original keys,
 * so the app processes them again. Reads the dead-letter topic from the beginning (or the given
 * offsets) to its current end, read_committed; dead letters whose original was truncated (over
 * {@code dlq.max.original.bytes}) cannot be replayed and are listed instead.
 */
@Command(
    name = "replay-dlq",
    mixinStandardHelpOptions = true,
    description = {
      "Publish the original bytes of dead letters (articles-dlq) back to articles, keyed as they"
          + " came, e.g. after raising article.max.body.chars.",
      "Prints one line per reason: replayed, and skipped because the original was truncated."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every selected dead letter was replayed (or would be, with --dry-run)",
      "1:some could not be replayed (truncated originals) or the cluster failed",
      "2:usage error"
    })
public final class ReplayDlqCommand implements Callable<Integer> {

  @Mixin ConfigOptions config;

  @Option(
      names = "--reason",
      split = ",",
      paramLabel = "CODE",
      description = "Only dead letters with these reasons, e.g. body-too-large (default: all).")
  Set<String> reasons = Set.of();

  @Option(
      names = "--from-offset",
      paramLabel = "N",
      defaultValue = "0",
      description = "Start at this offset in every DLQ partition (default ${DEFAULT-VALUE}).")
  long fromOffset;

  @Option(names = "--dry-run", description = "Only count what would be replayed.")
  boolean dryRun;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StanceStreamConfig cfg = config.load();
    if (cfg.embeddedBroker()) {
      throw new IllegalArgumentException(
          "replay-dlq needs a cluster: pass --bootstrap-servers HOST:PORT");
    }
    Topics topics = Topics.from(cfg);
    JsonSerde<DeadLetter> serde = JsonSerde.of(DeadLetter.class);
    Map<String, int[]> byReason = new TreeMap<>();
    List<String> unreplayable = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(cfg);
        KafkaProducer<String, byte[]> producer = producer(cfg)) {
      String dlq = topics.articlesDlq().name();
      List<TopicPartition> parts =
          consumer.partitionsFor(dlq, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(dlq, p.partition()))
              .toList();
      consumer.assign(parts);
      Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(30));
      parts.forEach(tp -> consumer.seek(tp, Math.min(fromOffset, ends.get(tp))));
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() >= ends.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          DeadLetter d = serde.deserialize(dlq, r.value());
          if (d == null || (!reasons.isEmpty() && !reasons.contains(d.reason()))) {
            continue;
          }
          int[] counts = byReason.computeIfAbsent(d.reason(), k -> new int[2]);
          if (d.originalValue() == null
              || (d.detail() != null && d.detail().contains("[original value truncated"))) {
            counts[1]++;
            unreplayable.add(r.partition() + "@" + r.offset() + " (" + d.reason() + ")");
            continue;
          }
          counts[0]++;
          if (!dryRun) {
            producer.send(
                new ProducerRecord<>(topics.articles().name(), d.originalKey(), d.originalValue()));
          }
        }
      }
      producer.flush();
    }
    byReason.forEach(
        (reason, n) ->
            out.printf(
                "%-28s %s %d, not replayable %d%n",
                reason, dryRun ? "would replay" : "replayed", n[0], n[1]));
    unreplayable.stream()
        .limit(20)
        .forEach(u -> out.println("  not replayable (original truncated or absent): " + u));
    out.flush();
    return unreplayable.isEmpty() ? 0 : 1;
  }

  private static KafkaConsumer<String, byte[]> consumer(StanceStreamConfig cfg) {
    Properties p = cfg.clientProperties("consumer.");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
    p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static KafkaProducer<String, byte[]> producer(StanceStreamConfig cfg) {
    Properties p = cfg.clientProperties("producer.");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "4194304");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "stancestream-replay-dlq");
    return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }
}
