package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicPlan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Static checks of the Compose files and the image, since this machine has no Docker engine: each
 * file against our own schema of the Compose subset we use ({@code compose-subset.schema.json}),
 * then what a schema cannot say: references between services, volumes, Kafka listeners, replication
 * against the broker count, and that every {@code STANCESTREAM_*} variable names a real setting.
 */
class ComposeFilesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String SINGLE = "docker-compose.yml";
  private static final String CLUSTER = "docker-compose.cluster.yml";
  private static final Set<String> SETTING_PREFIXES =
      Set.of("kafka.", "producer.", "consumer.", "streams.", "admin.", "topic.", "topics.");

  private static final Schema SCHEMA = loadSchema();

  private static Schema loadSchema() {
    try (InputStream in =
        ComposeFilesTest.class.getResourceAsStream("/compose-subset.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode compose(String file) throws IOException {
    return YAML.readTree(ROOT.resolve(file).toFile());
  }

  private static List<String> schemaErrors(JsonNode compose) {
    return SCHEMA.validate(compose).stream().map(Error::toString).toList();
  }

  private static Map<String, JsonNode> services(JsonNode compose) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    compose.get("services").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, String> env(JsonNode service) {
    Map<String, String> out = new TreeMap<>();
    if (service.has("environment")) {
      service
          .get("environment")
          .properties()
          .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static Map<String, JsonNode> brokers(JsonNode compose) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    services(compose)
        .forEach(
            (name, s) -> {
              if (s.path("image").asText().startsWith("apache/kafka:")) {
                out.put(name, s);
              }
            });
    return out;
  }

  private static Map<String, JsonNode> apps(JsonNode compose) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    services(compose)
        .forEach(
            (name, s) -> {
              if (s.path("command").path(0).asText().equals("run")) {
                out.put(name, s);
              }
            });
    return out;
  }

  /** {@code NAME://host:port,...} to NAME -> host:port (host may be empty). */
  private static Map<String, String> listeners(String value) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String listener : value.split(",")) {
      String[] parts = listener.trim().split("://", 2);
      assertThat(parts).as("listener %s", listener).hasSize(2);
      assertThat(out.put(parts[0], parts[1])).as("listener name %s twice", parts[0]).isNull();
    }
    return out;
  }

  private static String port(String hostPort) {
    return hostPort.substring(hostPort.lastIndexOf(':') + 1);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void fileMatchesTheSchemaOfTheComposeSubset(String file) throws IOException {
    assertThat(schemaErrors(compose(file))).isEmpty();
  }

  @Test
  void schemaRejectsTheMistakesItIsThereFor() throws IOException {
    List<Consumer<ObjectNode>> mistakes =
        List.of(
            c -> ((ObjectNode) c.get("services").get("kafka")).remove("image"),
            c -> ((ObjectNode) c.at("/services/app/depends_on/kafka")).put("condition", "healthy"),
            c ->
                ((ObjectNode) c.at("/services/app"))
                    .set("enviroment", c.at("/services/app/environment")),
            // Unquoted `no` would be a YAML boolean on some parsers; the file must say "no".
            c -> ((ObjectNode) c.at("/services/producer")).put("restart", false),
            c -> ((ObjectNode) c.at("/services/kafka/healthcheck")).put("interval", "10 seconds"),
            c -> ((ObjectNode) c.at("/services/app/environment")).putObject("NESTED"),
            c -> c.withArray("/services/app/ports").add("not-a-port"));
    for (Consumer<ObjectNode> mistake : mistakes) {
      ObjectNode broken = (ObjectNode) compose(SINGLE);
      mistake.accept(broken);
      assertThat(schemaErrors(broken)).as("errors for %s", broken).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void dependenciesNameExistingServicesAndWaitForTheRightState(String file) throws IOException {
    Map<String, JsonNode> services = services(compose(file));
    services.forEach(
        (name, service) ->
            service
                .path("depends_on")
                .properties()
                .forEach(
                    dep -> {
                      JsonNode target = services.get(dep.getKey());
                      assertThat(target)
                          .as("%s depends on unknown %s", name, dep.getKey())
                          .isNotNull();
                      String condition = dep.getValue().get("condition").asText();
                      boolean oneShot = target.path("restart").asText().equals("no");
                      if (oneShot) {
                        assertThat(condition)
                            .as("%s waits for one-shot %s", name, dep.getKey())
                            .isEqualTo("service_completed_successfully");
                      } else {
                        assertThat(condition)
                            .as("%s waits for %s", name, dep.getKey())
                            .isEqualTo("service_healthy");
                        assertThat(target.path("healthcheck").has("test"))
                            .as("%s has a health check to wait for", dep.getKey())
                            .isTrue();
                      }
                    }));
    for (JsonNode app : apps(compose(file)).values()) {
      assertThat(app.get("depends_on").properties().stream().map(Map.Entry::getKey))
          .as("the app starts after the topics exist")
          .contains("topic-init");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void namedVolumesAreDeclaredAndUsedAndBindMountsExist(String file) throws IOException {
    JsonNode compose = compose(file);
    Set<String> declared = new HashSet<>();
    compose.get("volumes").properties().forEach(e -> declared.add(e.getKey()));
    Set<String> used = new HashSet<>();
    services(compose)
        .forEach(
            (name, service) -> {
              for (String mount : texts(service.path("volumes"))) {
                String source = mount.split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                  assertThat(ROOT.resolve(source)).as("%s mounts %s", name, source).exists();
                } else {
                  assertThat(declared).as("%s mounts undeclared volume", name).contains(source);
                  used.add(source);
                }
              }
            });
    assertThat(used).isEqualTo(declared);
    for (Map.Entry<String, JsonNode> broker : brokers(compose).entrySet()) {
      assertThat(texts(broker.getValue().get("volumes")))
          .as("%s keeps its log dirs on a volume", broker.getKey())
          .anyMatch(m -> m.endsWith(":" + env(broker.getValue()).get("KAFKA_LOG_DIRS")));
    }
    for (Map.Entry<String, JsonNode> app : apps(compose).entrySet()) {
      assertThat(texts(app.getValue().get("volumes")))
          .as("%s keeps its state stores on a volume", app.getKey())
          .anyMatch(m -> m.endsWith(":" + env(app.getValue()).get("STANCESTREAM_STATE_DIR")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void kafkaListenersAreConsistent(String file) throws IOException {
    JsonNode compose = compose(file);
    Map<String, JsonNode> brokers = brokers(compose);
    assertThat(brokers).isNotEmpty();
    Set<String> nodeIds = new HashSet<>();
    Set<String> voters = new HashSet<>();
    for (Map.Entry<String, JsonNode> b : brokers.entrySet()) {
      String name = b.getKey();
      Map<String, String> env = env(b.getValue());
      assertThat(b.getValue().get("image").asText()).isEqualTo("apache/kafka:4.3.1");
      assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
      assertThat(nodeIds.add(env.get("KAFKA_NODE_ID"))).as("unique node id of %s", name).isTrue();
      voters.add(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));

      Map<String, String> listeners = listeners(env.get("KAFKA_LISTENERS"));
      Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
      Map<String, String> protocols = new LinkedHashMap<>();
      for (String pair : env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
        protocols.put(pair.split(":")[0], pair.split(":")[1]);
      }
      String controller = env.get("KAFKA_CONTROLLER_LISTENER_NAMES");
      String interBroker = env.get("KAFKA_INTER_BROKER_LISTENER_NAME");

      assertThat(protocols.keySet()).as("%s protocol map", name).containsAll(listeners.keySet());
      assertThat(listeners).as("%s listeners", name).containsKeys(controller, interBroker);
      assertThat(advertised)
          .as("%s advertises no controller listener", name)
          .doesNotContainKey(controller);
      assertThat(listeners.keySet())
          .as("%s advertised subset", name)
          .containsAll(advertised.keySet());
      advertised.forEach(
          (listener, hostPort) ->
              assertThat(port(hostPort))
                  .as("%s advertises %s on the port it listens on", name, listener)
                  .isEqualTo(port(listeners.get(listener))));
      assertThat(advertised.get(interBroker))
          .as("%s is reached by other containers under its own hostname", name)
          .startsWith(b.getValue().get("hostname").asText() + ":");

      // Host-facing listeners advertise localhost and are published on the same port.
      List<String> published = texts(b.getValue().path("ports"));
      advertised.forEach(
          (listener, hostPort) -> {
            if (hostPort.startsWith("localhost:")) {
              assertThat(published)
                  .as("%s publishes %s", name, hostPort)
                  .contains(port(hostPort) + ":" + port(hostPort));
            }
          });
      assertThat(advertised.values())
          .as("%s has a host listener", name)
          .anyMatch(h -> h.startsWith("localhost:"));
    }
    assertThat(voters).as("every node has the same quorum").hasSize(1);
    Map<String, String> voterHosts = new TreeMap<>();
    for (String voter : voters.iterator().next().split(",")) {
      voterHosts.put(voter.split("@")[0], voter.split("@")[1]);
    }
    assertThat(voterHosts.keySet()).isEqualTo(new TreeSet<>(nodeIds));
    for (JsonNode b : brokers.values()) {
      Map<String, String> env = env(b);
      String controllerPort =
          port(
              listeners(env.get("KAFKA_LISTENERS"))
                  .get(env.get("KAFKA_CONTROLLER_LISTENER_NAMES")));
      assertThat(voterHosts.get(env.get("KAFKA_NODE_ID")))
          .isEqualTo(b.get("hostname").asText() + ":" + controllerPort);
    }

    // Every client inside the network bootstraps from the brokers' in-network listeners.
    Set<String> internal = new HashSet<>();
    brokers
        .values()
        .forEach(
            b -> {
              Map<String, String> env = env(b);
              internal.add(
                  listeners(env.get("KAFKA_ADVERTISED_LISTENERS"))
                      .get(env.get("KAFKA_INTER_BROKER_LISTENER_NAME")));
            });
    services(compose)
        .forEach(
            (name, s) -> {
              String bootstrap = env(s).get("STANCESTREAM_BOOTSTRAP_SERVERS");
              if (bootstrap != null) {
                assertThat(Set.of(bootstrap.split(",")))
                    .as("%s bootstrap", name)
                    .isEqualTo(internal);
              }
            });
  }

  @Test
  void singleBrokerReplicatesOnceSoTransactionsCanCommit() throws IOException {
    Map<String, String> env = env(brokers(compose(SINGLE)).get("kafka"));
    assertThat(env)
        .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void replicationFitsTheBrokersAndSurvivesOneLoss(String file) throws IOException {
    JsonNode compose = compose(file);
    int brokers = brokers(compose).size();
    for (JsonNode b : brokers(compose).values()) {
      Map<String, String> env = env(b);
      int offsetsRf = Integer.parseInt(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"));
      int txnRf = Integer.parseInt(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
      int txnIsr = Integer.parseInt(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"));
      int minIsr = Integer.parseInt(env.get("KAFKA_MIN_INSYNC_REPLICAS"));
      assertThat(offsetsRf).isEqualTo(brokers);
      assertThat(txnRf).isEqualTo(brokers);
      assertThat(txnIsr).isEqualTo(Math.max(1, brokers - 1));
      assertThat(minIsr).isEqualTo(Math.max(1, brokers - 1));
    }

    // The plan the topic-init service applies, resolved exactly as the container would.
    Map<String, String> topicInit = env(services(compose).get("topic-init"));
    StanceStreamConfig config =
        StanceStreamConfig.load(
            ROOT.resolve("config/stancestream.properties"), topicInit, Map.of());
    TopicPlan plan = TopicPlan.load(config.with("config.dir", ROOT.resolve("config").toString()));
    assertThat(plan.topics())
        .allSatisfy(
            t -> {
              assertThat(t.replicationFactor()).isEqualTo((short) brokers);
              int isr = Integer.parseInt(t.configs().getOrDefault("min.insync.replicas", "1"));
              assertThat(isr)
                  .as("%s keeps accepting writes with one broker down", t.name())
                  .isEqualTo(Math.max(1, brokers - 1));
            });
    int partitions = plan.topics().get(0).partitions();
    assertThat(plan.topics()).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(partitions));
    assertThat(partitions)
        .as("enough partitions for every app instance to get work")
        .isGreaterThanOrEqualTo(apps(compose).size());
    for (JsonNode app : apps(compose).values()) {
      String streamsRf = env(app).get("STANCESTREAM_STREAMS_REPLICATION_FACTOR");
      assertThat(streamsRf == null ? 1 : Integer.parseInt(streamsRf))
          .as("internal topics replicated like ours")
          .isEqualTo(brokers);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void appInstancesServeTheDashboardOnDistinctPublishedPorts(String file) throws IOException {
    JsonNode compose = compose(file);
    Map<String, JsonNode> apps = apps(compose);
    assertThat(apps).hasSize(file.equals(CLUSTER) ? 2 : 1);
    Set<String> applicationIds = new HashSet<>();
    Set<String> httpPorts = new HashSet<>();
    apps.forEach(
        (name, app) -> {
          Map<String, String> env = env(app);
          assertThat(env).as(name).containsEntry("STANCESTREAM_HTTP_HOST", "0.0.0.0");
          String httpPort = env.get("STANCESTREAM_HTTP_PORT");
          assertThat(texts(app.get("ports"))).as(name).contains(httpPort + ":" + httpPort);
          assertThat(httpPorts.add(httpPort)).as("%s port %s is its own", name, httpPort).isTrue();
          applicationIds.add(env.getOrDefault("STANCESTREAM_APPLICATION_ID", "stancestream"));
          assertThat(texts(app.get("healthcheck").get("test")))
              .as(name)
              .anyMatch(t -> t.contains("healthcheck.sh"));
        });
    assertThat(applicationIds).as("instances share one application.id").hasSize(1);
    assertThat(httpPorts).contains("7070");

    List<String> hostPorts = new ArrayList<>();
    services(compose)
        .values()
        .forEach(s -> texts(s.path("ports")).forEach(p -> hostPorts.add(p.split(":")[0])));
    assertThat(hostPorts).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void everyStanceStreamVariableNamesARealSetting(String file) throws IOException {
    Path properties = ROOT.resolve("config/stancestream.properties");
    services(compose(file))
        .forEach(
            (name, s) ->
                env(s)
                    .forEach(
                        (variable, value) -> {
                          if (!variable.startsWith("STANCESTREAM_")) {
                            return;
                          }
                          // A sentinel value shows which setting the variable lands on.
                          String sentinel = "sentinel-" + variable;
                          StanceStreamConfig base =
                              StanceStreamConfig.load(properties, Map.of(), Map.of());
                          StanceStreamConfig withVar =
                              StanceStreamConfig.load(
                                  properties, Map.of(variable, sentinel), Map.of());
                          List<String> keys =
                              withVar.values().entrySet().stream()
                                  .filter(e -> e.getValue().equals(sentinel))
                                  .map(Map.Entry::getKey)
                                  .toList();
                          assertThat(keys).as("%s in %s", variable, name).hasSize(1);
                          String key = keys.get(0);
                          assertThat(
                                  base.values().containsKey(key)
                                      || SETTING_PREFIXES.stream().anyMatch(key::startsWith))
                              .as("%s in %s sets %s, which nothing reads", variable, name, key)
                              .isTrue();
                        }));
  }

  @ParameterizedTest
  @ValueSource(strings = {SINGLE, CLUSTER})
  void servicesBuildFromTheRepositoryDockerfileAndRunLauncherCommands(String file)
      throws IOException {
    services(compose(file))
        .forEach(
            (name, s) -> {
              if (!s.has("build")) {
                return;
              }
              assertThat(
                      ROOT.resolve(s.at("/build/context").asText())
                          .resolve(s.at("/build/dockerfile").asText()))
                  .as(name)
                  .isRegularFile();
              // The launcher parses the service's command exactly as the container passes it.
              CommandLine launcher = StanceStreamCli.commandLine();
              String[] args = texts(s.get("command")).toArray(String[]::new);
              assertThat(launcher.getSubcommands()).as(name).containsKey(args[0]);
              assertThat(launcher.parseArgs(args).subcommand().matchedArgs()).isNotNull();
            });
  }

  @Test
  void imageIsSmallNonRootAndHealthChecked() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
    List<String> froms =
        dockerfile.lines().filter(l -> l.startsWith("FROM ")).map(l -> l.split("\\s+")[1]).toList();
    assertThat(froms).containsExactly("eclipse-temurin:17-jdk", "eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("./mvnw ").contains("-pl cli -am package");
    List<String> users = dockerfile.lines().filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).hasSize(1);
    assertThat(users.get(0)).doesNotContain("root").doesNotContain(" 0");
    assertThat(dockerfile).contains("HEALTHCHECK ").contains("/app/healthcheck.sh");
    assertThat(dockerfile)
        .contains(
            "ENTRYPOINT [\"java\", \"-Dstancestream.home=/app\", \"-jar\","
                + " \"/app/stancestream.jar\"]");
    assertThat(ROOT.resolve("deploy/healthcheck.sh")).isRegularFile().isExecutable();
    assertThat(Files.readString(ROOT.resolve("deploy/healthcheck.sh"))).contains("/health");

    // Every path the build copies from the context exists and is not excluded by .dockerignore.
    List<String> ignored =
        Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    List<String> sources =
        dockerfile
            .lines()
            .filter(l -> l.startsWith("COPY ") && !l.contains("--from="))
            .flatMap(l -> Stream.of(l.split("\\s+")).skip(1).filter(t -> !t.startsWith("--")))
            .toList();
    for (String line :
        dockerfile.lines().filter(l -> l.startsWith("COPY ") && !l.contains("--from=")).toList()) {
      List<String> args =
          Stream.of(line.split("\\s+")).skip(1).filter(t -> !t.startsWith("--")).toList();
      for (String source : args.subList(0, args.size() - 1)) {
        assertThat(ROOT.resolve(source)).as(line).exists();
        String top = source.replaceAll("/+$", "").split("/")[0];
        assertThat(ignored)
            .as("%s is excluded from the build context", source)
            .doesNotContain(top, top + "/");
      }
    }
    assertThat(sources).contains("cli/", "config/", "mvnw");
  }
}
