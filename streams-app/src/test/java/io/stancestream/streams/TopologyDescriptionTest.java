package io.stancestream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Locks the topology's shape: every processor, store, repartition and changelog name. A change to
 * the topology that renames a store or an internal topic breaks running applications (their state
 * and changelogs are found by name), so it must be a conscious decision.
 *
 * <p>After an intended change, regenerate the expected file and review its diff:
 *
 * <pre>
 * ./mvnw -B -o -pl streams-app test -Dtest=TopologyDescriptionTest -Dtopology.regenerate=true
 * git diff streams-app/src/test/resources/topology-description.txt
 * </pre>
 */
class TopologyDescriptionTest {

  static final Path EXPECTED = Path.of("src/test/resources/topology-description.txt");

  static String describe() {
    StanceStreamConfig cfg = StanceStreamConfig.of(Map.of());
    ArticleScorer notCalled =
        (title, body) -> {
          throw new AssertionError("describe() must not score");
        };
    return StanceTopology.build(cfg, Topics.from(cfg), notCalled).describe().toString();
  }

  @Test
  void theTopologyMatchesTheCommittedDescription() throws IOException {
    String actual = describe();
    if (Boolean.getBoolean("topology.regenerate")) {
      Files.writeString(EXPECTED, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(EXPECTED, StandardCharsets.UTF_8));
  }

  @Test
  void buildingTwiceGivesTheSameTopology() {
    assertThat(describe()).isEqualTo(describe());
  }

  @Test
  void noInternalNameIsGenerated() {
    // Generated names look like KSTREAM-AGGREGATE-0000000012; ours are all chosen.
    assertThat(describe()).doesNotContainPattern("K(STREAM|TABLE)-[A-Z-]+-\\d{10}");
  }
}
