package io.stancestream.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: one combined KRaft node (controller + broker) from
 * Kafka's own test kit, ready in a second or two. Used by {@code ./stancestream demo}, {@code
 * ./stancestream broker} and the integration tests; production runs against a real cluster.
 *
 * <p>Settings that a one-node cluster needs for exactly-once are applied: offsets and transaction
 * state replication factor 1 and {@code transaction.state.log.min.isr=1}, otherwise transactional
 * producers hang at init.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  /** Broker settings every embedded broker gets; callers may add or override. */
  public static final Map<String, String> SINGLE_NODE_DEFAULTS =
      Map.of(
          "offsets.topic.replication.factor", "1",
          "offsets.topic.num.partitions", "3",
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "transaction.state.log.num.partitions", "3",
          "group.initial.rebalance.delay.ms", "0",
          "auto.create.topics.enable", "false",
          "num.partitions", "3",
          "message.max.bytes", "16777216");

  private final KafkaClusterTestKit cluster;
  private final Path ownedDir;

  private EmbeddedKafka(KafkaClusterTestKit cluster, Path ownedDir) {
    this.cluster = cluster;
    this.ownedDir = ownedDir;
  }

  /** Starts a broker with the defaults in a temporary directory that is deleted on close. */
  public static EmbeddedKafka start() {
    return start(null, Map.of());
  }

  /**
   * Starts a broker.
   *
   * @param dataDir where logs and metadata live; {@code null} for a temporary directory deleted on
   *     close. A directory an earlier broker used is restarted with its topics, offsets and
   *     transactions (see {@link RestartableKafka} for the same address too)
   * @param brokerProperties extra broker settings (e.g. listener security for a TLS/SASL test)
   */
  public static EmbeddedKafka start(Path dataDir, Map<String, String> brokerProperties) {
    long began = System.nanoTime();
    try {
      TestKitNodes.Builder nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBootstrapMetadataVersion(MetadataVersion.latestProduction());
      // A temporary directory is ours, not the test kit's: the kit deletes its own in a JVM
      // shutdown hook, which would pull the logs from under a broker still closing on Ctrl-C.
      Path ownedDir = dataDir == null ? Files.createTempDirectory("stancestream-kafka-") : null;
      nodes.setBaseDirectory(dataDir != null ? dataDir : ownedDir);
      KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(nodes.build()).setDeleteOnClose(false);
      Map<String, String> props = new LinkedHashMap<>(SINGLE_NODE_DEFAULTS);
      props.putAll(brokerProperties);
      props.forEach(builder::setConfigProp);
      KafkaClusterTestKit cluster = builder.build();
      // A data dir from an earlier run is started as it is: formatting again would fail.
      if (ownedDir != null || !isFormatted(dataDir)) {
        formatQuietly(cluster);
      }
      cluster.startup();
      cluster.waitForReadyBrokers();
      EmbeddedKafka kafka = new EmbeddedKafka(cluster, ownedDir);
      LOG.info(
          "embedded Kafka broker ready at {} in {} ms",
          kafka.bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
      return kafka;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the embedded broker", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded Kafka broker: " + e, e);
    }
  }

  /**
   * Formatting prints the bootstrap metadata on stdout; stdout belongs to results (demo --json), so
   * it is sent to stderr while formatting.
   */
  private static synchronized void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      cluster.format();
    } finally {
      System.setOut(stdout);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Whether a previous run already formatted (and so owns) the node directories. */
  private static boolean isFormatted(Path dataDir) {
    try (var dirs = java.nio.file.Files.list(dataDir)) {
      return dirs.anyMatch(d -> java.nio.file.Files.isRegularFile(d.resolve("meta.properties")));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Admin client properties for this broker. */
  public Properties adminProperties() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return p;
  }

  /** Creates the topics that do not exist yet and waits until they do. */
  public void createTopics(Collection<NewTopic> topics) {
    try (Admin admin = Admin.create(adminProperties())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      var missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics: " + e, e);
    }
  }

  /** Stops the broker and, for a temporary one, deletes its data. */
  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      LOG.warn("embedded broker did not close cleanly: {}", e.toString());
    }
    if (ownedDir != null) {
      try (Stream<Path> files = Files.walk(ownedDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        LOG.warn("could not delete {}: {}", ownedDir, e.toString());
      }
    }
  }
}
