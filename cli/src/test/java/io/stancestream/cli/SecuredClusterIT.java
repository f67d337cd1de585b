package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.producer.ArticleIngestor;
import io.stancestream.producer.ProduceOptions;
import io.stancestream.producer.ProduceSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StanceStream against a secured cluster: the embedded broker's client listener speaks SASL (PLAIN
 * for the broker's own connections and an operator account, SCRAM-SHA-256 for the app). A client
 * without credentials, or with a wrong password, is refused; the app, the producer and the topic
 * setup, configured only through {@code kafka.*} settings, publish the seeds and get their results.
 */
@Tag("integration")
class SecuredClusterIT {

  private static final String OPERATOR = "operator";
  private static final String OPERATOR_PASSWORD = "operator-secret";
  private static final String APP_USER = "stancestream";
  private static final String APP_PASSWORD = "app-secret-" + System.nanoTime();
  private static final Path SEEDS = Path.of("..", "seeds").toAbsolutePath().normalize();

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startSecuredBrokerAndCreateTheAppUser() throws Exception {
    String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required";
    kafka =
        EmbeddedKafka.start(
            null,
            Map.of(
                "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.external.plain.sasl.jaas.config",
                    plain
                        + " username=\"broker\" password=\"broker-secret\""
                        + " user_broker=\"broker-secret\""
                        + " user_"
                        + OPERATOR
                        + "=\""
                        + OPERATOR_PASSWORD
                        + "\";",
                "listener.name.external.scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    // The operator creates the app's SCRAM credential, as on a real cluster.
    try (Admin admin = Admin.create(operatorProperties())) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      APP_USER,
                      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 8192),
                      APP_PASSWORD)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aClientWithoutCredentialsIsRefused() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
    try (Admin anonymous = Admin.create(p)) {
      assertThatThrownBy(() -> anonymous.listTopics().names().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
  }

  @Test
  void aClientWithAWrongPasswordIsRefused() {
    Map<String, String> wrong = new HashMap<>(appSettings());
    wrong.put("kafka.sasl.jaas.config", scram(APP_USER, "not-the-password"));
    Properties p = StanceStreamConfig.of(wrong).clientProperties("admin.");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "8000");
    try (Admin intruder = Admin.create(p)) {
      assertThatThrownBy(() -> intruder.listTopics().names().get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void theAppConfiguredThroughKafkaSettingsProducesAndGetsResults(@TempDir Path state)
      throws Exception {
    Map<String, String> settings = new HashMap<>(appSettings());
    settings.put("application.id", "secured-" + System.nanoTime());
    settings.put("state.dir", state.toString());
    settings.put("config.dir", Path.of("..", "config").toAbsolutePath().normalize().toString());
    StanceStreamConfig cfg = StanceStreamConfig.of(settings);
    List<OutputTail.Output> outputs = new CopyOnWriteArrayList<>();

    try (LocalPipeline pipeline = LocalPipeline.start(cfg, outputs::add)) {
      ProduceSummary summary =
          ArticleIngestor.produce(
              pipeline.config(), List.of(SEEDS.toString()), ProduceOptions.defaults());
      assertThat(summary.published()).isEqualTo(2);
      assertThat(
              DemoCommand.awaitCompletion(
                  pipeline, new HashSet<>(summary.publishedIds()), Duration.ofSeconds(120)))
          .isTrue();
    }
    assertThat(outputs)
        .filteredOn(o -> o.topic().equals("article-stance"))
        .extracting(o -> o.value().path("stance").path("label").asText())
        .containsExactly("AGAINST", "AGAINST");
  }

  /** The app's settings: the only thing that makes it talk SASL/SCRAM is {@code kafka.*}. */
  private static Map<String, String> appSettings() {
    return Map.of(
        "bootstrap.servers",
        kafka.bootstrapServers(),
        "kafka.security.protocol",
        "SASL_PLAINTEXT",
        "kafka.sasl.mechanism",
        "SCRAM-SHA-256",
        "kafka.sasl.jaas.config",
        scram(APP_USER, APP_PASSWORD));
  }

  private static String scram(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private static Properties operatorProperties() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put("security.protocol", "SASL_PLAINTEXT");
    p.put("sasl.mechanism", "PLAIN");
    p.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + OPERATOR
            + "\" password=\""
            + OPERATOR_PASSWORD
            + "\";");
    return p;
  }
}
