package io.stancestream.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * All settings, layered once at start: built-in defaults, then {@code
 * config/stancestream.properties}, then environment variables {@code STANCESTREAM_<KEY>}, then
 * command-line flags. Immutable; nothing else reads the environment.
 *
 * <p>Kafka client settings pass through by prefix: {@code kafka.} (every client), {@code
 * producer.}, {@code consumer.}, {@code streams.} and {@code admin.}, so TLS and SASL need no code.
 */
public record StanceStreamConfig(Map<String, String> values) {

  /** The bootstrap value that asks the launcher to start the embedded broker. */
  public static final String EMBEDDED = "embedded";

  public static final Map<String, String> DEFAULTS = defaults();

  public StanceStreamConfig {
    values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("bootstrap.servers", EMBEDDED);
    d.put("application.id", "stancestream");
    d.put("processing.guarantee", "exactly_once_v2");
    d.put("topic.partitions", "3");
    d.put("topic.replication.factor", "1");
    d.put("state.dir", System.getProperty("java.io.tmpdir") + "/stancestream-state");
    d.put("config.dir", "");
    d.put("http.host", "127.0.0.1");
    d.put("http.port", "7070");
    d.put("article.max.body.chars", "1000000");
    return d;
  }

  /** Layers defaults, the properties file (if it exists), the environment and the overrides. */
  public static StanceStreamConfig load(
      Path propertiesFile, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    if (propertiesFile != null && Files.isRegularFile(propertiesFile)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + propertiesFile + ": " + e, e);
      }
      p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k).trim()));
    }
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("STANCESTREAM_") && name.length() > "STANCESTREAM_".length()) {
            merged.put(keyForEnv(name.substring("STANCESTREAM_".length()), merged), value);
          }
        });
    merged.putAll(overrides);
    return new StanceStreamConfig(merged);
  }

  /** Only defaults plus the given overrides: for tests. */
  public static StanceStreamConfig of(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    merged.putAll(overrides);
    return new StanceStreamConfig(merged);
  }

  /**
   * {@code TOPIC_ARTICLES_DLQ} maps to a known key that normalises the same ({@code
   * topic.articles-dlq}), else to the dotted lower-case form ({@code kafka.security.protocol}).
   */
  static String keyForEnv(String envSuffix, Map<String, String> known) {
    for (String key : known.keySet()) {
      if (normalise(key).equals(envSuffix.toUpperCase(Locale.ROOT))) {
        return key;
      }
    }
    return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static String normalise(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public StanceStreamConfig with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new StanceStreamConfig(copy);
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing setting: " + key);
    }
    return v;
  }

  public String get(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  public int getInt(String key, int fallback) {
    String v = values.get(key);
    try {
      return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " is not a whole number: " + v, e);
    }
  }

  public double getDouble(String key, double fallback) {
    String v = values.get(key);
    try {
      return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + " is not a number: " + v, e);
    }
  }

  public boolean getBoolean(String key, boolean fallback) {
    String v = values.get(key);
    return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v.trim());
  }

  /** ISO-8601 ({@code PT1H}) or a short form ({@code 90s}, {@code 10m}, {@code 1h}, {@code 1d}). */
  public Duration getDuration(String key, Duration fallback) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    return parseDuration(key, v.trim());
  }

  /** Parses a duration setting; {@code key} only names it in the error message. */
  public static Duration parseDuration(String key, String v) {
    try {
      if (v.startsWith("P") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> Duration.ofMillis(Long.parseLong(v));
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "setting " + key + " is not a duration (PT1H, 90s, 10m, 1h, 1d): " + v, e);
    }
  }

  public String bootstrapServers() {
    return get("bootstrap.servers");
  }

  public boolean embeddedBroker() {
    return EMBEDDED.equalsIgnoreCase(bootstrapServers());
  }

  public String topicName(String defaultName) {
    return get("topic." + defaultName, defaultName);
  }

  /** Settings under a prefix with the prefix removed, e.g. {@code kafka.} → client settings. */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && k.length() > prefix.length()) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  /**
   * Client properties for one kind of client: bootstrap servers, every {@code kafka.} setting, then
   * the settings of that client's own prefix ({@code producer.}, {@code streams.}, ...).
   */
  public Properties clientProperties(String clientPrefix) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrapServers());
    p.putAll(withPrefix("kafka."));
    p.putAll(withPrefix(clientPrefix));
    return p;
  }
}
