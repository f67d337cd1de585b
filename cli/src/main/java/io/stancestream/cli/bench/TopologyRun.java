package io.stancestream.cli.bench;

import io.stancestream.cli.GroupProgress;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import io.stancestream.streams.StanceStreamApp;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/**
 * One timed run of a topology over the backlog already in {@code articles}: a fresh {@code
 * application.id} (so it starts from the first record with empty state); the rate at which the
 * topology processed the records ({@link ProcessedClock}: first to n-th record), and the time from
 * RUNNING to the arrival of the last of {@code n} committed records on the output topic; then
 * close, local state and internal topics deleted.
 *
 * <p>Optionally it also waits until the app has consumed and committed every record of its input
 * and repartition topics ("drained"), which for the full topology means the windowed counts, trends
 * and alerts have caught up too. That is observable through committed offsets only, so it is
 * meaningful when the commit interval is short (exactly-once: 100 ms by default).
 */
final class TopologyRun {

  /**
   * What one run measured; {@code drainedSeconds} is NaN when not asked for. {@code
   * processedPerSecond} is the processing rate (the throughput figure); {@code seconds} runs from
   * RUNNING to the n-th committed output record, so it includes start-up and up to one commit
   * interval of waiting. {@code cpuSeconds} is the CPU time the app's stream threads used over the
   * same span: unlike the rates it hardly depends on what else the machine is doing.
   */
  record Result(
      long records,
      double processedPerSecond,
      double seconds,
      double drainedSeconds,
      double cpuSeconds) {
    double cpuMicrosPerRecord() {
      return cpuSeconds * 1e6 / records;
    }

    /** Records per second until the last one was visible (committed) on the output topic. */
    double committedPerSecond() {
      return records / seconds;
    }

    double drainedRecordsPerSecond() {
      return records / drainedSeconds;
    }
  }

  private static final Duration LIMIT = Duration.ofMinutes(3);

  private TopologyRun() {}

  /**
   * @param cfg settings with the bootstrap servers, state dir and processing guarantee to use
   * @param applicationId a fresh id
   * @param topology builds the topology from the settings; it ticks the clock once per record
   * @param outputTopic where the n records are counted
   * @param n records expected on the output topic
   * @param drain also wait until all input and repartition topics are committed
   */
  static Result run(
      StanceStreamConfig cfg,
      String applicationId,
      BiFunction<StanceStreamConfig, ProcessedClock, Topology> topology,
      String outputTopic,
      long n,
      boolean drain)
      throws InterruptedException {
    StanceStreamConfig runCfg = cfg.with("application.id", applicationId);
    Topics topics = Topics.from(runCfg);
    Properties props = StanceStreamApp.streamsProperties(runCfg, topics);
    AtomicLong runningAt = new AtomicLong(-1);
    AtomicReference<KafkaStreams.State> last = new AtomicReference<>();
    CountDownLatch running = new CountDownLatch(1);
    try (OutputWatcher watcher =
        new OutputWatcher(cfg.clientProperties("consumer."), outputTopic, (k, t) -> {}).start()) {
      ProcessedClock clock = new ProcessedClock(n);
      KafkaStreams streams = new KafkaStreams(topology.apply(runCfg, clock), props);
      streams.setStateListener(
          (now, before) -> {
            last.set(now);
            if (now == KafkaStreams.State.RUNNING
                && runningAt.compareAndSet(-1, System.nanoTime())) {
              running.countDown();
            } else if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.PENDING_ERROR) {
              running.countDown();
            }
          });
      try {
        streams.start();
        long firstThreadRunning = awaitFirstThreadRunning(streams, running);
        long cpuAtStart = streamThreadsCpuNanos(applicationId);
        if (!running.await(LIMIT.toSeconds(), TimeUnit.SECONDS) || runningAt.get() < 0) {
          throw new IllegalStateException(applicationId + " did not reach RUNNING: " + last.get());
        }
        long done = watcher.awaitCount(n, LIMIT);
        long cpu = streamThreadsCpuNanos(applicationId) - cpuAtStart;
        if (done < 0) {
          throw new IllegalStateException(
              applicationId
                  + ": only "
                  + watcher.count()
                  + " of "
                  + n
                  + " records reached "
                  + outputTopic
                  + " within "
                  + LIMIT
                  + " (state "
                  + streams.state()
                  + ")");
        }
        // With several stream threads the client reports RUNNING only once every thread is, and
        // the first ones may be processing by then: the clock starts when the first thread runs.
        long start = Math.min(runningAt.get(), firstThreadRunning);
        double drained = Double.NaN;
        if (drain) {
          long at = awaitDrained(runCfg, applicationId, topics.articles().name());
          drained = at < 0 ? Double.NaN : (at - start) / 1e9;
        }
        return new Result(n, clock.recordsPerSecond(), (done - start) / 1e9, drained, cpu / 1e9);
      } finally {
        streams.close(Duration.ofSeconds(30));
        streams.cleanUp();
        deleteInternalTopics(runCfg, applicationId);
      }
    }
  }

  /**
   * Polls the stream threads until one of them is RUNNING (it has its tasks and processes) or the
   * client is; returns that moment's nanoTime, or Long.MAX_VALUE if neither happens in time.
   */
  private static long awaitFirstThreadRunning(KafkaStreams streams, CountDownLatch clientRunning)
      throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (clientRunning.getCount() == 0) {
        return now;
      }
      try {
        for (var thread : streams.metadataForLocalThreads()) {
          if ("RUNNING".equals(thread.threadState())) {
            return now;
          }
        }
      } catch (IllegalStateException e) {
        // not started yet
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return Long.MAX_VALUE;
  }

  /** CPU time used so far by the live stream threads of {@code applicationId}. */
  private static long streamThreadsCpuNanos(String applicationId) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long total = 0;
    // Thread infos without stack traces: names are all that is needed.
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null
          && t.getThreadName().startsWith(applicationId)
          && t.getThreadName().contains("StreamThread")) {
        total += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
      }
    }
    return total;
  }

  /** The nanoTime at which every source and repartition partition was committed up to its end. */
  private static long awaitDrained(StanceStreamConfig cfg, String appId, String input)
      throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    try (GroupProgress progress =
        new GroupProgress(
            cfg.clientProperties("admin."), cfg.clientProperties("consumer."), appId, input)) {
      // Found once: polling then costs two admin calls every 25 ms while the run is measured.
      Map<TopicPartition, OffsetSpec> sources = progress.sourcePartitions();
      while (System.nanoTime() < deadline) {
        long now = System.nanoTime();
        if (progress.committedToEnds(sources)) {
          return now;
        }
        TimeUnit.MILLISECONDS.sleep(25);
      }
      return -1;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot read the offsets of " + appId + ": " + e, e);
    }
  }

  /** Internal topics of a finished run only cost the broker disk and metadata: delete them. */
  private static void deleteInternalTopics(StanceStreamConfig cfg, String appId) {
    try (Admin admin = Admin.create(cfg.clientProperties("admin."))) {
      Set<String> internal =
          admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
              .filter(t -> t.startsWith(appId + "-"))
              .collect(Collectors.toSet());
      if (!internal.isEmpty()) {
        admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
      }
      admin.deleteConsumerGroups(Set.of(appId)).all().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Leftovers of a finished run do not affect the next one (a fresh application.id).
    }
  }
}
