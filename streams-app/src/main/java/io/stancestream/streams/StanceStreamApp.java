package io.stancestream.streams;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import io.stancestream.streams.errors.DeadLetterDeserializationHandler;
import io.stancestream.streams.errors.DeadLetterProcessingHandler;
import io.stancestream.streams.errors.DeadLetters;
import io.stancestream.streams.limits.MemoryLimits;
import io.stancestream.streams.metrics.TimedScorer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of the streams application in one place: settings to {@link Properties}, the
 * topology from {@link StanceTopology#build}, a state listener, an uncaught-exception handler,
 * start, wait, close.
 *
 * <pre>{@code
 * try (StanceStreamApp app = new StanceStreamApp(cfg, ArticleAnalyzer.withDefaults()::analyze)) {
 *   app.start();
 *   app.awaitRunning(Duration.ofSeconds(60));
 *   ... app.streams() for interactive queries (store names in StanceTopology) ...
 * }
 * }</pre>
 *
 * <p>Stream threads that die of a transient error (a timeout, a retriable broker error) are
 * replaced, at most {@value #MAX_REPLACEMENTS} times in {@link #REPLACEMENT_WINDOW}; anything else,
 * or more than that, shuts the client down and {@link #failure()} tells why.
 */
public final class StanceStreamApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StanceStreamApp.class);
  static final int MAX_REPLACEMENTS = 10;
  static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(5);

  private final Topics topics;
  private final Topology topology;
  private final KafkaStreams streams;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Deque<Long> replacements = new ArrayDeque<>();
  private volatile boolean reachedRunning;
  private volatile Throwable failure;

  /**
   * Builds the topology and the client; nothing runs until {@link #start()}.
   *
   * @throws IllegalArgumentException when {@code bootstrap.servers} is still {@code embedded}: the
   *     launcher must start the broker and put its address into the settings first
   */
  public StanceStreamApp(StanceStreamConfig cfg, ArticleScorer scorer) {
    if (cfg.embeddedBroker()) {
      throw new IllegalArgumentException(
          "bootstrap.servers=embedded: start the embedded broker and pass its address, or give"
              + " --bootstrap-servers host:port");
    }
    this.topics = Topics.from(cfg);
    this.topology = StanceTopology.build(cfg, topics, TimedScorer.of(scorer));
    this.streams = new KafkaStreams(topology, streamsProperties(cfg, topics));
    streams.setStateListener(this::onStateChange);
    streams.setUncaughtExceptionHandler(this::onUncaughtException);
  }

  /**
   * The Kafka Streams settings: application id, bootstrap servers, processing guarantee
   * (exactly_once_v2 by default), state directory, replication of internal topics, serdes, the
   * dead-letter handlers and their topic; then every {@code kafka.*} and {@code streams.*} setting,
   * which win.
   */
  public static Properties streamsProperties(StanceStreamConfig cfg, Topics topics) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, cfg.get("application.id"));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cfg.bootstrapServers());
    p.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        cfg.get("processing.guarantee", StreamsConfig.EXACTLY_ONCE_V2));
    p.put(StreamsConfig.STATE_DIR_CONFIG, cfg.get("state.dir"));
    p.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG,
        Integer.toString(cfg.getInt("topic.replication.factor", 1)));
    String commit = cfg.get("commit.interval", "");
    if (!commit.isBlank()) {
      p.put(
          StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
          Long.toString(cfg.getDuration("commit.interval", Duration.ofMillis(100)).toMillis()));
    }
    p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
    p.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    p.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.articlesDlq().name());
    p.put(
        DeadLetters.MAX_ORIGINAL_BYTES_CONFIG,
        Integer.toString(
            cfg.getInt("dlq.max.original.bytes", DeadLetters.DEFAULT_MAX_ORIGINAL_BYTES)));
    // Dead letters carry the original bytes (base64): allow records up to the DLQ topic's limit.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), "8388608");
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StanceTopology.OPTIMIZATIONS);
    // No global tables today; should one be added, its failures go to the DLQ like the others.
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    MemoryLimits.apply(cfg, p);
    p.putAll(cfg.clientProperties("streams."));
    return p;
  }

  public StanceStreamApp start() {
    LOG.info("starting the streams app");
    LOG.debug("topology: {}", topology.describe());
    streams.start();
    return this;
  }

  /** Waits until the app first reaches RUNNING; false on timeout or if it failed first. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && reachedRunning;
  }

  /** Waits until the app has stopped (closed, or shut down after an error). */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The client, for interactive queries of the stores named in {@link StanceTopology}. */
  public KafkaStreams streams() {
    return streams;
  }

  public Topology topology() {
    return topology;
  }

  public Topics topics() {
    return topics;
  }

  /** The error that shut the app down, or null. */
  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  public boolean close(Duration timeout) {
    boolean clean = streams.close(timeout);
    stopped.countDown();
    return clean;
  }

  private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
    LOG.info("streams state {} -> {}", before, now);
    if (now == KafkaStreams.State.RUNNING) {
      reachedRunning = true;
      started.countDown();
    } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
      started.countDown();
      stopped.countDown();
    }
  }

  private StreamThreadExceptionResponse onUncaughtException(Throwable e) {
    if (isTransient(e) && allowReplacement(System.nanoTime())) {
      LOG.warn("stream thread died of a transient error; replacing it", e);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("stream thread died; shutting the streams client down", e);
    failure = e;
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  private synchronized boolean allowReplacement(long nowNanos) {
    while (!replacements.isEmpty()
        && nowNanos - replacements.peekFirst() > REPLACEMENT_WINDOW.toNanos()) {
      replacements.removeFirst();
    }
    if (replacements.size() >= MAX_REPLACEMENTS) {
      return false;
    }
    replacements.addLast(nowNanos);
    return true;
  }

  /** A timeout or a retriable client error anywhere in the cause chain. */
  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // A store left inconsistent by a crash (SIGKILL mid-write) is re-opened or restored from
      // its changelog by a fresh thread, so it is worth a (bounded) replacement too.
      if (t instanceof RetriableException
          || t instanceof TimeoutException
          || t instanceof InvalidStateStoreException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
