package io.stancestream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.StanceStreamConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/run-on-a-cluster.md stays true: its table names every setting of
 * config/stancestream.properties, and each variable it names lands on the setting it claims.
 */
class RunOnAClusterDocTest {

  private static final Path ROOT = Path.of("..");
  private static final Path PROPERTIES = ROOT.resolve("config/stancestream.properties");
  private static final Pattern ROW =
      Pattern.compile("^\\| `(STANCESTREAM_[A-Z0-9_]+)` \\| `([^`]+)` \\|");
  private static final Pattern VARIABLE =
      Pattern.compile("STANCESTREAM_[A-Z0-9_]*[A-Z0-9](?![A-Z0-9_<])");
  private static final Set<String> PASS_THROUGH =
      Set.of("kafka.", "producer.", "consumer.", "streams.", "admin.", "topics.");

  private static String doc() throws IOException {
    return Files.readString(ROOT.resolve("docs/run-on-a-cluster.md"));
  }

  /** The setting a variable lands on, found by giving it a value no setting has. */
  private static String settingOf(String variable) {
    String sentinel = "sentinel-" + variable;
    List<String> keys =
        StanceStreamConfig.load(PROPERTIES, Map.of(variable, sentinel), Map.of())
            .values()
            .entrySet()
            .stream()
            .filter(e -> e.getValue().equals(sentinel))
            .map(Map.Entry::getKey)
            .toList();
    assertThat(keys).as(variable).hasSize(1);
    return keys.get(0);
  }

  private static Map<String, String> tableRows() throws IOException {
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : doc().lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.put(m.group(1), m.group(2));
      }
    }
    return rows;
  }

  @Test
  void everyRowsVariableSetsTheSettingItNames() throws IOException {
    Map<String, String> rows = tableRows();
    assertThat(rows).hasSizeGreaterThan(30);
    rows.forEach((variable, key) -> assertThat(settingOf(variable)).as(variable).isEqualTo(key));
  }

  @Test
  void everySettingOfThePropertiesFileHasARow() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    assertThat(tableRows().values()).containsAll(p.stringPropertyNames());
    assertThat(tableRows().values()).containsAll(StanceStreamConfig.DEFAULTS.keySet());
  }

  @Test
  void everyVariableInTheTextIsARealSetting() throws IOException {
    Set<String> known = StanceStreamConfig.load(PROPERTIES, Map.of(), Map.of()).values().keySet();
    Matcher m = VARIABLE.matcher(doc());
    int seen = 0;
    while (m.find()) {
      String key = settingOf(m.group());
      assertThat(
              known.contains(key)
                  || PASS_THROUGH.stream().anyMatch(key::startsWith)
                  || tableRows().containsValue(key))
          .as("%s sets %s, which nothing reads", m.group(), key)
          .isTrue();
      seen++;
    }
    assertThat(seen).isGreaterThan(30);
  }

  @Test
  void filesTheDocNamesExist() throws IOException {
    Matcher m =
        Pattern.compile("`((?:config|deploy|docs)/[\\w./-]+|docker-compose[\\w.]*\\.yml)`")
            .matcher(doc());
    int seen = 0;
    while (m.find()) {
      assertThat(ROOT.resolve(m.group(1))).as(m.group(1)).exists();
      seen++;
    }
    assertThat(seen).isGreaterThan(5);
  }
}
