package io.stancestream.cli;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the application's topics that are missing, with the configured partitions. */
final class TopicSetup {

  private TopicSetup() {}

  static void create(String bootstrapServers, StanceStreamConfig cfg, Topics topics) {
    Properties props = cfg.clientProperties("admin.");
    props.put("bootstrap.servers", bootstrapServers);
    int partitions = cfg.getInt("topic.partitions", 3);
    short replication = (short) cfg.getInt("topic.replication.factor", 1);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.all().stream()
              .map(t -> t.name())
              .distinct()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, partitions, replication))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topics: " + e.getCause(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at " + bootstrapServers + " to create topics (timed out)", e);
    }
  }
}
