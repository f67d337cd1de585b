package io.stancestream.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The per-topic plan (partitions, replication factor, topic configs such as cleanup.policy and
 * retention) read from {@code config/kafka-topics.properties}, with topic names taken from {@link
 * StanceStreamConfig}, and its idempotent application to any cluster through the Admin client:
 * missing topics are created, existing ones are compared and every difference is reported. Nothing
 * is ever altered or deleted.
 *
 * <p>The plan file is found at the setting {@code topics.file}, else {@code
 * <config.dir>/kafka-topics.properties}, else {@code config/kafka-topics.properties} in the working
 * directory, else the copy packaged in this jar. Settings {@code topics.<plan key>} override plan
 * keys, so {@code STANCESTREAM_TOPICS_DEFAULT_CONFIG_MIN_INSYNC_REPLICAS=2} needs no file edit.
 */
public record TopicPlan(String source, List<TopicSpec> topics) {

  /** The setting naming an explicit plan file. */
  public static final String FILE_KEY = "topics.file";

  /** Settings with this prefix override plan keys. */
  public static final String OVERRIDE_PREFIX = "topics.";

  /** Where the build packages config/kafka-topics.properties inside the events jar. */
  public static final String RESOURCE = "/stancestream-config/kafka-topics.properties";

  /** The topics of DESIGN.md and {@link Topics}, by default name; a plan may add more. */
  public static final List<String> DESIGN_TOPICS =
      List.of(
          "articles",
          "articles-dlq",
          "article-stance",
          "topic-mentions",
          "topic-mentions-final",
          "stance-trends",
          "alerts");

  private static final String DEFAULT = "default";
  private static final Pattern KEY =
      Pattern.compile("^(.+?)\\.(partitions|replication\\.factor|config\\.(.+))$");

  public TopicPlan {
    topics = List.copyOf(topics);
  }

  /** One topic as it should exist on the cluster. */
  public record TopicSpec(
      String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("topic name is blank");
      }
      if (partitions < 1) {
        throw new IllegalArgumentException(name + ": partitions must be >= 1, not " + partitions);
      }
      if (replicationFactor < 1) {
        throw new IllegalArgumentException(
            name + ": replication.factor must be >= 1, not " + replicationFactor);
      }
      configs = Collections.unmodifiableMap(new TreeMap<>(configs));
    }

    public NewTopic toNewTopic() {
      return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /**
     * What differs between this spec and a topic as the cluster has it; empty when it matches. Only
     * configs named in the plan are compared; list values ({@code compact,delete}) compare as sets.
     */
    public List<String> differences(
        int actualPartitions, int actualReplicationFactor, Map<String, String> actualConfigs) {
      List<String> out = new ArrayList<>();
      if (actualPartitions != partitions) {
        out.add(difference("partitions", actualPartitions, partitions));
      }
      if (actualReplicationFactor != replicationFactor) {
        out.add(difference("replication.factor", actualReplicationFactor, replicationFactor));
      }
      configs.forEach(
          (key, planned) -> {
            String actual = actualConfigs.get(key);
            if (actual == null || !sameValue(actual, planned)) {
              out.add(difference(key, actual, planned));
            }
          });
      return out;
    }

    private static String difference(String setting, Object actual, Object planned) {
      return setting + ": cluster has " + actual + ", plan says " + planned;
    }

    private static boolean sameValue(String actual, String planned) {
      return valueSet(actual).equals(valueSet(planned));
    }

    private static Set<String> valueSet(String value) {
      Set<String> parts = new TreeSet<>();
      for (String part : value.split(",")) {
        parts.add(part.trim().toLowerCase(Locale.ROOT));
      }
      return parts;
    }
  }

  /** What {@link #apply} did, or in a dry run would do, to one topic. */
  public enum Action {
    CREATED,
    WOULD_CREATE,
    UNCHANGED,
    DIFFERS
  }

  /** The result for one planned topic. */
  public record Outcome(TopicSpec spec, Action action, List<String> differences) {
    public Outcome {
      differences = List.copyOf(differences);
    }
  }

  /** The result of applying a plan, one outcome per planned topic in plan order. */
  public record Report(List<Outcome> outcomes) {
    public Report {
      outcomes = List.copyOf(outcomes);
    }

    /** True when no existing topic differs from the plan. */
    public boolean consistent() {
      return outcomes.stream().noneMatch(o -> o.action() == Action.DIFFERS);
    }

    public List<Outcome> with(Action action) {
      return outcomes.stream().filter(o -> o.action() == action).toList();
    }
  }

  /** Finds the plan file (see the class comment) and resolves it against the settings. */
  public static TopicPlan load(StanceStreamConfig config) {
    String explicit = config.get(FILE_KEY, "").trim();
    if (!explicit.isEmpty()) {
      Path file = Path.of(explicit);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(FILE_KEY + " names no readable file: " + file);
      }
      return from(file.toString(), readFile(file), config);
    }
    List<Path> candidates = new ArrayList<>();
    String configDir = config.get("config.dir", "").trim();
    if (!configDir.isEmpty()) {
      candidates.add(Path.of(configDir, "kafka-topics.properties"));
    }
    candidates.add(Path.of("config", "kafka-topics.properties"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate)) {
        return from(candidate.toString(), readFile(candidate), config);
      }
    }
    try (InputStream in = TopicPlan.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "no topic plan: none of "
                + candidates
                + " exists and "
                + RESOURCE
                + " is not packaged");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return from("classpath:" + RESOURCE, p, config);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e, e);
    }
  }

  private static Properties readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
    }
    return p;
  }

  /**
   * Resolves plan keys and {@code topics.*} overrides into one spec per topic: every topic of
   * DESIGN.md and of the plan, plus any topic of {@link Topics} the plan does not name, which gets
   * the defaults. Partitions and replication fall back to {@code topic.partitions} and {@code
   * topic.replication.factor}.
   *
   * @throws IllegalArgumentException naming the key when a key or a value is not understood
   */
  public static TopicPlan from(String source, Properties plan, StanceStreamConfig config) {
    Set<String> logicalNames = new LinkedHashSet<>(DESIGN_TOPICS);
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    for (String key : new TreeSet<>(plan.stringPropertyNames())) {
      put(settings, logicalNames, key, plan.getProperty(key).trim(), true, source);
    }
    config
        .withPrefix(OVERRIDE_PREFIX)
        .forEach(
            (key, value) -> {
              if (!FILE_KEY.equals(OVERRIDE_PREFIX + key)) {
                put(settings, logicalNames, key, value.trim(), false, "setting topics." + key);
              }
            });

    Map<String, String> defaults = settings.getOrDefault(DEFAULT, Map.of());
    int defaultPartitions =
        intSetting(defaults, "partitions", config.getInt("topic.partitions", 3), DEFAULT);
    int defaultReplication =
        intSetting(
            defaults, "replication.factor", config.getInt("topic.replication.factor", 1), DEFAULT);

    Map<String, TopicSpec> specs = new LinkedHashMap<>();
    for (String logical : logicalNames) {
      Map<String, String> own = settings.getOrDefault(logical, Map.of());
      Map<String, String> configs = new HashMap<>(configsOf(defaults));
      configs.putAll(configsOf(own));
      String name = config.topicName(logical);
      specs.putIfAbsent(
          name,
          new TopicSpec(
              name,
              intSetting(own, "partitions", defaultPartitions, logical),
              (short) intSetting(own, "replication.factor", defaultReplication, logical),
              configs));
    }
    for (Topic<?, ?> topic : Topics.from(config).all()) {
      specs.putIfAbsent(
          topic.name(),
          new TopicSpec(
              topic.name(), defaultPartitions, (short) defaultReplication, configsOf(defaults)));
    }
    return new TopicPlan(source, new ArrayList<>(specs.values()));
  }

  private static void put(
      Map<String, Map<String, String>> settings,
      Set<String> logicalNames,
      String key,
      String value,
      boolean mayAddTopic,
      String origin) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          origin
              + ": key "
              + key
              + " is not <topic>.partitions, <topic>.replication.factor or <topic>.config.<name>");
    }
    String topic = resolveTopic(m.group(1), logicalNames, mayAddTopic, origin);
    settings.computeIfAbsent(topic, t -> new LinkedHashMap<>()).put(m.group(2), value);
  }

  /** Environment keys lose hyphens ({@code articles.dlq}), so names also match hyphen-blind. */
  private static String resolveTopic(
      String written, Set<String> logicalNames, boolean mayAddTopic, String origin) {
    if (written.equals(DEFAULT) || logicalNames.contains(written)) {
      return written;
    }
    for (String name : logicalNames) {
      if (hyphenBlind(name).equals(hyphenBlind(written))) {
        return name;
      }
    }
    if (!mayAddTopic) {
      throw new IllegalArgumentException(
          origin + ": no planned topic " + written + " (known: default, " + logicalNames + ")");
    }
    logicalNames.add(written);
    return written;
  }

  private static String hyphenBlind(String name) {
    return name.toLowerCase(Locale.ROOT).replace('-', '.').replace('_', '.');
  }

  private static int intSetting(Map<String, String> s, String key, int fallback, String topic) {
    String v = s.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(topic + "." + key + " is not a whole number: " + v, e);
    }
  }

  private static Map<String, String> configsOf(Map<String, String> s) {
    Map<String, String> out = new TreeMap<>();
    s.forEach(
        (k, v) -> {
          if (k.startsWith("config.")) {
            out.put(k.substring("config.".length()), v);
          }
        });
    return out;
  }

  public Optional<TopicSpec> find(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * Creates the missing topics (unless {@code dryRun}) and compares the existing ones with the
   * plan. Safe to run any number of times, also concurrently: a topic created by someone else
   * between the check and the creation is compared like any existing one.
   */
  public Report apply(Admin admin, boolean dryRun, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<String> names = topics.stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> existing = describe(admin, names, timeout);
    Map<String, Outcome> outcomes = new HashMap<>(compare(admin, existing, timeout));

    List<TopicSpec> missing = topics.stream().filter(t -> !existing.containsKey(t.name())).toList();
    if (dryRun) {
      missing.forEach(t -> outcomes.put(t.name(), new Outcome(t, Action.WOULD_CREATE, List.of())));
    } else if (!missing.isEmpty()) {
      Map<String, KafkaFuture<Void>> created =
          admin.createTopics(missing.stream().map(TopicSpec::toNewTopic).toList()).values();
      List<String> raced = new ArrayList<>();
      for (TopicSpec spec : missing) {
        try {
          created.get(spec.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          outcomes.put(spec.name(), new Outcome(spec, Action.CREATED, List.of()));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          raced.add(spec.name());
        }
      }
      if (!raced.isEmpty()) {
        outcomes.putAll(compare(admin, describe(admin, raced, timeout), timeout));
        for (TopicSpec spec : missing) {
          // Created by someone else and not yet visible: say so rather than guess it matches.
          outcomes.putIfAbsent(
              spec.name(),
              new Outcome(
                  spec,
                  Action.DIFFERS,
                  List.of("created concurrently by another client; run again to compare")));
        }
      }
    }
    return new Report(topics.stream().map(t -> outcomes.get(t.name())).toList());
  }

  /**
   * Loads the plan of {@code config} and applies it to that cluster: the one call the launcher
   * needs before starting the app on a cluster.
   */
  public static Report ensure(StanceStreamConfig config, boolean dryRun, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    return load(config).applyTo(config, dryRun, timeout);
  }

  /**
   * Applies this plan through an Admin client made from the settings ({@code bootstrap.servers},
   * {@code kafka.*}, then {@code admin.*}), which retries until {@code timeout}.
   */
  public Report applyTo(StanceStreamConfig config, boolean dryRun, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Properties props = config.clientProperties("admin.");
    // The client retries until the caller's deadline (e.g. a broker still starting in Compose).
    props.putIfAbsent("default.api.timeout.ms", Long.toString(timeout.toMillis()));
    if (timeout.toMillis() < 30_000) {
      // The client refuses an API timeout shorter than its request timeout.
      props.putIfAbsent("request.timeout.ms", Long.toString(timeout.toMillis()));
    }
    Admin admin = Admin.create(props);
    try {
      return apply(admin, dryRun, timeout);
    } finally {
      admin.close(Duration.ofSeconds(5));
    }
  }

  private static Map<String, TopicDescription> describe(
      Admin admin, Collection<String> names, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, TopicDescription> found = new HashMap<>();
    Map<String, KafkaFuture<TopicDescription>> futures =
        admin.describeTopics(names).topicNameValues();
    for (String name : names) {
      try {
        found.put(name, futures.get(name).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
    }
    return found;
  }

  private Map<String, Outcome> compare(
      Admin admin, Map<String, TopicDescription> existing, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (existing.isEmpty()) {
      return Map.of();
    }
    List<ConfigResource> resources =
        existing.keySet().stream()
            .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
            .toList();
    Map<ConfigResource, Config> configs =
        admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    Map<String, Outcome> out = new HashMap<>();
    for (TopicSpec spec : topics) {
      TopicDescription d = existing.get(spec.name());
      if (d == null) {
        continue;
      }
      Map<String, String> actual = new HashMap<>();
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
      if (config != null) {
        for (ConfigEntry entry : config.entries()) {
          if (entry.value() != null) {
            actual.put(entry.name(), entry.value());
          }
        }
      }
      int replication = d.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
      List<String> differences = spec.differences(d.partitions().size(), replication, actual);
      out.put(
          spec.name(),
          new Outcome(
              spec, differences.isEmpty() ? Action.UNCHANGED : Action.DIFFERS, differences));
    }
    return out;
  }
}
