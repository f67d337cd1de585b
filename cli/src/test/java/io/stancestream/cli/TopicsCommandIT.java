package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stancestream.broker.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * {@code topics} against a real (embedded) broker: it creates the plan once, is a no-op the second
 * time, reports drift without touching it, and a dry run creates nothing. The tests run in order
 * because each builds on the cluster state the previous one left.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicsCommandIT {

  private static EmbeddedKafka kafka;
  private static Admin admin;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
    admin = Admin.create(kafka.adminProperties());
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    kafka.close();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run topics(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TopicsCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all =
        new ArrayList<>(
            List.of(
                "--config", "../config/stancestream.properties", "--set", "config.dir=../config"));
    all.addAll(List.of(args));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  private static Map<String, TopicDescription> describe(Collection<String> names) throws Exception {
    return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
  }

  private static Config config(String topic) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
  }

  @Test
  @Order(1)
  void firstRunCreatesEveryPlannedTopicWithItsSettings() throws Exception {
    Run run = topics("--bootstrap-servers", kafka.bootstrapServers());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Topics: 7 created");
    // Created topics reach the broker's metadata asynchronously.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Map<String, TopicDescription> topics =
                  describe(
                      List.of(
                          "articles",
                          "articles-dlq",
                          "article-stance",
                          "topic-mentions",
                          "topic-mentions-final",
                          "stance-trends",
                          "alerts"));
              assertThat(topics.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(3));
              assertThat(config("article-stance").get("cleanup.policy").value())
                  .isEqualTo("compact");
              assertThat(config("articles").get("retention.ms").value()).isEqualTo("2592000000");
              assertThat(config("alerts").get("cleanup.policy").value())
                  .isIn("compact,delete", "delete,compact");
            });
  }

  @Test
  @Order(2)
  void secondRunChangesNothing() {
    Run run = topics("--bootstrap-servers", kafka.bootstrapServers());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Topics: 7 unchanged").doesNotContain("created");
  }

  @Test
  @Order(3)
  void driftIsReportedAndLeftAlone() throws Exception {
    ConfigResource articles = new ConfigResource(ConfigResource.Type.TOPIC, "articles");
    admin
        .incrementalAlterConfigs(
            Map.of(
                articles,
                List.of(
                    new AlterConfigOp(
                        new ConfigEntry("retention.ms", "3600000"), AlterConfigOp.OpType.SET))))
        .all()
        .get(30, TimeUnit.SECONDS);
    // The broker applies a committed config change asynchronously.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> config("articles").get("retention.ms").value().equals("3600000"));

    Run run = topics("--bootstrap-servers", kafka.bootstrapServers());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(
            "differs\\s+articles\\s+retention.ms: cluster has 3600000, plan says 2592000000")
        .contains("1 differs");
    assertThat(run.err()).contains("1 existing topic(s) differ");
    assertThat(config("articles").get("retention.ms").value()).isEqualTo("3600000");
  }

  @Test
  @Order(4)
  void dryRunShowsWhatItWouldCreateAndCreatesNothing() throws Exception {
    Run run =
        topics(
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--set",
            "topic.alerts=alerts-v2",
            "--set",
            "topics.articles.config.retention.ms=3600000",
            "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("would create\\s+alerts-v2\\s+3 partitions");
    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("alerts-v2");
  }

  @Test
  @Order(5)
  void withoutAClusterOnlyADryRunIsAllowed() {
    Run refused = topics();
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--bootstrap-servers");

    Run plan = topics("--dry-run");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out())
        .containsPattern("plan\\s+article-stance\\s+3 partitions.*cleanup.policy=compact");
  }

  @Test
  @Order(6)
  void unreachableClusterFailsWithinTheTimeout() {
    Run run = topics("--bootstrap-servers", "127.0.0.1:1", "--timeout", "3s");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("127.0.0.1:1");
    assertThat(Set.of(run.out().split("\n"))).noneMatch(l -> l.startsWith("created"));
  }
}
