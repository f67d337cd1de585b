package io.stancestream.cli;

import io.stancestream.events.StanceStreamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration flags every command shares. Layering happens once, here: defaults, then the
 * properties file, then {@code STANCESTREAM_*} environment variables, then these flags.
 */
public final class ConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file (default: config/stancestream.properties of this install).")
  Path configFile;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster to use; 'embedded' starts an in-JVM broker.")
  String bootstrapServers;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override any setting, e.g. --set streams.num.stream.threads=2.")
  Map<String, String> overrides = new LinkedHashMap<>();

  /** The install root: where config/ and seeds/ live (set by the launcher script). */
  public static Path home() {
    String home = System.getProperty("stancestream.home");
    return home != null ? Path.of(home) : Path.of("").toAbsolutePath();
  }

  public StanceStreamConfig load() {
    Path file = configFile != null ? configFile : home().resolve("config/stancestream.properties");
    if (configFile != null && !Files.isRegularFile(configFile)) {
      throw new IllegalArgumentException("config file not found: " + configFile);
    }
    Map<String, String> flags = new LinkedHashMap<>(overrides);
    if (bootstrapServers != null) {
      flags.put("bootstrap.servers", bootstrapServers);
    }
    StanceStreamConfig cfg = StanceStreamConfig.load(file, System.getenv(), flags);
    if (cfg.get("config.dir", "").isBlank()) {
      cfg = cfg.with("config.dir", home().resolve("config").toString());
    }
    return cfg;
  }
}
