package io.stancestream.analysis.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private ConfigFiles(Path overrideDir) {
    this.overrideDir = overrideDir;
  }

  /** Only the packaged defaults. */
  public static ConfigFiles classpathDefaults() {
    return new ConfigFiles(null);
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
