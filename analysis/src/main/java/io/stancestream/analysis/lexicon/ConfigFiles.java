package io.stancestream.analysis.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the analyst-editable data files (lexicons and rules) by relative name, e.g. {@code
 * "stance/cues.yaml"}: first in an optional override directory, then on the classpath under {@code
 * /stancestream-config/}, where the build packages the repository's {@code config/}.
 */
public final class ConfigFiles {
  /** Classpath folder that holds the packaged defaults. */
  public static final String CLASSPATH_ROOT = "/stancestream-config/";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path overrideDir;
  // file name -> (dotted key -> YAML scalar), applied on top of whatever file was read
  private final Map<String, Map<String, String>> settings;

  private ConfigFiles(Path overrideDir) {
    this(overrideDir, Map.of());
  }

  private ConfigFiles(Path overrideDir, Map<String, Map<String, String>> settings) {
    this.overrideDir = overrideDir;
    this.settings = settings;
  }

  /**
   * These files with single values replaced, e.g. {@code with("stance/scoring.yaml",
   * "learned.enabled", "true")}; the value is read as a YAML scalar (boolean, number or string).
   * Missing intermediate keys are created.
   */
  public ConfigFiles with(String file, String dottedKey, String value) {
    if (dottedKey.isBlank() || dottedKey.startsWith(".") || dottedKey.endsWith(".")) {
      throw new IllegalArgumentException("bad setting key: '" + dottedKey + "'");
    }
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    settings.forEach((f, m) -> copy.put(f, new LinkedHashMap<>(m)));
    copy.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(dottedKey, value);
    return new ConfigFiles(overrideDir, copy);
  }

  /** Only the packaged defaults. */
  public static ConfigFiles classpathDefaults() {
    return new ConfigFiles(null);
  }

  /**
   * Files from {@code dir} (the packaged defaults when null) with single values of {@code
   * stance/scoring.yaml} replaced, e.g. {@code Map.of("learned.enabled", "true")}.
   *
   * @throws IllegalArgumentException if {@code dir} is not a directory or a key is malformed
   */
  public static ConfigFiles withScoringSettings(Path dir, Map<String, String> settings) {
    ConfigFiles files = dir == null ? classpathDefaults() : overriddenBy(dir);
    for (Map.Entry<String, String> e : settings.entrySet()) {
      files = files.with("stance/scoring.yaml", e.getKey(), e.getValue());
    }
    return files;
  }

  /** Files in {@code dir} win; files missing there fall back to the packaged defaults. */
  public static ConfigFiles overriddenBy(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("config directory does not exist: " + dir);
    }
    return new ConfigFiles(dir);
  }

  /** Parses the named JSON file (same lookup as {@link #yaml}). */
  public JsonNode json(String name) {
    return yaml(name); // JSON is YAML; one parser serves both
  }

  /** Parses the named YAML file, failing with the file name when it is missing or malformed. */
  public JsonNode yaml(String name) {
    JsonNode node = read(name);
    Map<String, String> set = settings.get(name);
    if (set == null) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    set.forEach((key, value) -> apply(copy, key, value, name));
    return copy;
  }

  private static void apply(JsonNode root, String dottedKey, String value, String file) {
    String[] parts = dottedKey.split("\\.");
    JsonNode at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!(at instanceof com.fasterxml.jackson.databind.node.ObjectNode obj)) {
        throw new IllegalArgumentException(file + ": '" + dottedKey + "' is not a settable key");
      }
      JsonNode child = obj.get(parts[i]);
      at = child == null || child.isNull() ? obj.putObject(parts[i]) : child;
    }
    if (!(at instanceof com.fasterxml.jackson.databind.node.ObjectNode obj)) {
      throw new IllegalArgumentException(file + ": '" + dottedKey + "' is not a settable key");
    }
    JsonNode scalar;
    try {
      scalar = YAML.readTree(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("bad value for " + dottedKey + ": " + value);
    }
    obj.set(parts[parts.length - 1], scalar == null || scalar.isMissingNode() ? null : scalar);
  }

  private JsonNode read(String name) {
    Optional<Path> override = Optional.ofNullable(overrideDir).map(d -> d.resolve(name));
    try {
      if (override.isPresent() && Files.isRegularFile(override.get())) {
        try (InputStream in = Files.newInputStream(override.get())) {
          return parse(in, override.get().toString());
        }
      }
      try (InputStream in = ConfigFiles.class.getResourceAsStream(CLASSPATH_ROOT + name)) {
        if (in == null) {
          throw new IllegalStateException(
              "missing config file " + name + " (neither in override dir nor on classpath)");
        }
        return parse(in, "classpath:" + CLASSPATH_ROOT + name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config file " + name, e);
    }
  }

  /**
   * The string value of a list entry. YAML reads bare {@code no}, {@code on}, {@code yes} as
   * booleans, which would silently become "false"/"true": such entries must be quoted.
   */
  public static String entry(JsonNode v, String file) {
    if (!v.isTextual()) {
      throw new IllegalStateException(
          file + ": entry '" + v + "' is not a string; quote it (e.g. \"no\")");
    }
    return v.asText();
  }

  private static JsonNode parse(InputStream in, String where) throws IOException {
    try {
      JsonNode node = YAML.readTree(in);
      if (node == null || node.isMissingNode() || node.isNull()) {
        throw new IllegalStateException("config file is empty: " + where);
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("malformed YAML in " + where + ": " + e.getOriginalMessage());
    }
  }
}
