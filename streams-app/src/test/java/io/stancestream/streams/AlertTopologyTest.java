package io.stancestream.streams;

import static io.stancestream.streams.Articles.mentioning;
import static io.stancestream.streams.Articles.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stancestream.analysis.StanceLabel;
import io.stancestream.events.Alert;
import io.stancestream.events.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three alert rules on the real topology, each firing and not firing, and never twice for one
 * id. Grace is 0 here so that a window closes as soon as stream time reaches its end.
 */
class AlertTopologyTest {

  @TempDir Path stateDir;

  private static final Instant H0 = Instant.parse("2025-06-20T00:00:00Z");

  private static Instant hour(int h, int minute) {
    return H0.plus(Duration.ofHours(h)).plus(Duration.ofMinutes(minute));
  }

  private TopologyFixture fixture(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>();
    settings.put("window.grace", "0s");
    settings.putAll(extra);
    return new TopologyFixture(stateDir, new ScriptedScorer(), settings);
  }

  private static List<Alert> ofRule(List<Alert> alerts, String rule) {
    return alerts.stream().filter(a -> a.rule().equals(rule)).toList();
  }

  @Test
  void strongStanceFiresAtTheThresholdsAndNotBelowThem() {
    try (TopologyFixture f = fixture(Map.of())) {
      f.pipe(scripted("strong", hour(5, 10), "Alpha", StanceLabel.AGAINST, -0.8, 0.7));
      f.pipe(scripted("strong-favor", hour(5, 11), "Alpha", StanceLabel.FAVOR, 0.95, 0.9));
      f.pipe(scripted("weak-score", hour(5, 12), "Alpha", StanceLabel.AGAINST, -0.79, 0.95));
      f.pipe(scripted("unsure", hour(5, 13), "Alpha", StanceLabel.AGAINST, -0.95, 0.69));

      List<KeyValue<String, Alert>> out = f.alerts.readKeyValuesToList();
      assertThat(out)
          .extracting(kv -> kv.key)
          .containsExactly(
              "strong-stance@strong@2025-06-20T05:00:00Z",
              "strong-stance@strong-favor@2025-06-20T05:00:00Z");
      Alert a = out.get(0).value;
      assertThat(a.id()).isEqualTo(out.get(0).key);
      assertThat(a.rule()).isEqualTo(Alert.STRONG_STANCE);
      assertThat(a.key()).isEqualTo("strong");
      assertThat(a.windowStart()).isEqualTo(hour(5, 0));
      assertThat(a.windowEnd()).isEqualTo(hour(6, 0));
      assertThat(a.figures()).containsEntry("score", -0.8).containsEntry("confidence", 0.7);
      assertThat(a.figures()).containsEntry("minAbsScore", 0.8).containsEntry("minConfidence", 0.7);
      assertThat(a.articleIds()).containsExactly("strong");
      assertThat(a.links()).containsExactly("https://news.example/strong");
      assertThat(a.message()).contains("AGAINST").contains("Title strong");
    }
  }

  @Test
  void aDisabledRuleNeverFires() {
    try (TopologyFixture f = fixture(Map.of("alert.strong-stance.enabled", "false"))) {
      f.pipe(scripted("strong", hour(5, 10), "Alpha", StanceLabel.AGAINST, -1.0, 1.0));
      assertThat(f.alerts.isEmpty()).isTrue();
    }
  }

  @Test
  void mentionSpikeFiresAgainstTheTrailingBaselineAndAfterWarmUpOnly() {
    Map<String, String> rules =
        Map.of(
            "alert.mention-spike.baseline-windows", "3",
            "alert.mention-spike.factor", "3",
            "alert.mention-spike.min-count", "5",
            "alert.mention-spike.min-baseline", "1");
    try (TopologyFixture f = fixture(rules)) {
      // Hour 0 is a burst, but the detector has not watched 3 windows yet: no alert.
      f.pipe(mentioning("w0", hour(0, 5), "nato-membership=2", "putin=2", "warmup=20"));
      f.pipe(mentioning("w1", hour(1, 5), "nato-membership=2", "putin=2"));
      f.pipe(mentioning("w2", hour(2, 5), "nato-membership=2", "putin=2"));
      // Hour 3: nato 10 >= 3 x baseline 2 (fires); putin 5 < 6 (does not);
      // article-5 is new: 5 >= max(3 x min-baseline 1, min-count 5) (fires); eu 4 < 5 (does not).
      f.pipe(mentioning("s1", hour(3, 5), "nato-membership=4", "putin=5", "article-5=5"));
      f.pipe(mentioning("s2", hour(3, 50), "nato-membership=6", "eu-accession=4"));
      assertThat(ofRule(f.alerts.readValuesToList(), Alert.MENTION_SPIKE)).isEmpty();

      f.pipe(mentioning("tick", hour(4, 0), "tick=1")); // closes hour 3

      List<Alert> spikes = ofRule(f.alerts.readValuesToList(), Alert.MENTION_SPIKE);
      assertThat(spikes)
          .extracting(Alert::id)
          .containsExactlyInAnyOrder(
              "mention-spike@nato-membership@2025-06-20T03:00:00Z",
              "mention-spike@article-5@2025-06-20T03:00:00Z");
      Alert nato =
          spikes.stream().filter(a -> a.key().equals("nato-membership")).findFirst().orElseThrow();
      assertThat(nato.figures().get("count")).isEqualTo(10.0);
      assertThat(nato.figures().get("baseline")).isCloseTo(2.0, within(1e-9));
      assertThat(nato.figures().get("threshold")).isCloseTo(6.0, within(1e-9));
      assertThat(nato.articleIds()).containsExactly("s1", "s2");
      assertThat(nato.links())
          .containsExactly("https://news.example/s1", "https://news.example/s2");
      assertThat(nato.windowStart()).isEqualTo(hour(3, 0));
      assertThat(nato.windowEnd()).isEqualTo(hour(4, 0));
      assertThat(nato.message()).contains("nato-membership").contains("10");
    }
  }

  @Test
  void aSpikeIsMeasuredAgainstQuietWindowsToo() {
    Map<String, String> rules =
        Map.of(
            "alert.mention-spike.baseline-windows", "3",
            "alert.mention-spike.factor", "3",
            "alert.mention-spike.min-count", "5");
    try (TopologyFixture f = fixture(rules)) {
      f.pipe(mentioning("a0", hour(0, 5), "ceasefire=9"));
      f.pipe(mentioning("a1", hour(1, 5), "other=1"));
      f.pipe(mentioning("a2", hour(2, 5), "other=1"));
      // Baseline over hours 0-2 is (9 + 0 + 0) / 3 = 3: 9 is exactly 3x and >= 5.
      f.pipe(mentioning("a3", hour(3, 5), "ceasefire=9"));
      f.pipe(mentioning("a4", hour(4, 5), "ceasefire=8")); // closes hour 3; hour 4: 8 < 3 x 6
      f.pipe(mentioning("tick", hour(5, 0), "tick=1"));
      assertThat(ofRule(f.alerts.readValuesToList(), Alert.MENTION_SPIKE))
          .extracting(Alert::id)
          .containsExactly("mention-spike@ceasefire@2025-06-20T03:00:00Z");
    }
  }

  @Test
  void stanceShiftFiresWhenTheMeanMovesByDeltaWithEnoughArticles() {
    Map<String, String> rules =
        Map.of(
            "alert.stance-shift.baseline-windows", "3",
            "alert.stance-shift.min-delta", "0.5",
            "alert.stance-shift.min-articles", "2");
    try (TopologyFixture f = fixture(rules)) {
      for (int h = 0; h < 3; h++) {
        f.pipe(scripted("a" + h + "x", hour(h, 1), "Alpha", StanceLabel.AGAINST, -0.5, 0.6));
        f.pipe(scripted("a" + h + "y", hour(h, 2), "Alpha", StanceLabel.AGAINST, -0.5, 0.6));
        f.pipe(scripted("b" + h + "x", hour(h, 3), "Beta", StanceLabel.AGAINST, -0.5, 0.6));
        f.pipe(scripted("b" + h + "y", hour(h, 4), "Beta", StanceLabel.AGAINST, -0.5, 0.6));
      }
      // Hour 3: Alpha moves +0.8 (fires); Beta +0.3 (does not); Gamma has one article (too few);
      // overall (*) moves from -0.5 to +0.05: +0.55 (fires).
      f.pipe(scripted("a3x", hour(3, 1), "Alpha", StanceLabel.FAVOR, 0.3, 0.6));
      f.pipe(scripted("a3y", hour(3, 2), "Alpha", StanceLabel.FAVOR, 0.3, 0.6));
      f.pipe(scripted("b3x", hour(3, 3), "Beta", StanceLabel.NEUTRAL, -0.2, 0.6));
      f.pipe(scripted("b3y", hour(3, 4), "Beta", StanceLabel.NEUTRAL, -0.2, 0.6));
      f.pipe(scripted("g3", hour(3, 5), "Gamma", StanceLabel.FAVOR, 0.9, 0.6));
      f.pipe(scripted("g0", hour(0, 59), "Gamma", StanceLabel.AGAINST, -0.9, 0.6));
      assertThat(ofRule(f.alerts.readValuesToList(), Alert.STANCE_SHIFT)).isEmpty();

      f.pipe(scripted("tick", hour(4, 0), "Tick", StanceLabel.NEUTRAL, 0, 0.5));

      List<Alert> shifts = ofRule(f.alerts.readValuesToList(), Alert.STANCE_SHIFT);
      assertThat(shifts)
          .extracting(Alert::id)
          .containsExactlyInAnyOrder(
              "stance-shift@Alpha@2025-06-20T03:00:00Z", "stance-shift@*@2025-06-20T03:00:00Z");
      Alert alpha = shifts.stream().filter(a -> a.key().equals("Alpha")).findFirst().orElseThrow();
      assertThat(alpha.figures().get("meanScore")).isCloseTo(0.3, within(1e-9));
      assertThat(alpha.figures().get("trailingMean")).isCloseTo(-0.5, within(1e-9));
      assertThat(alpha.figures().get("delta")).isCloseTo(0.8, within(1e-9));
      assertThat(alpha.figures().get("n")).isEqualTo(2.0);
      assertThat(alpha.figures().get("trailingN")).isEqualTo(6.0);
      assertThat(alpha.articleIds()).containsExactly("a3x", "a3y");
      assertThat(alpha.message()).contains("toward FAVOR");
    }
  }

  @Test
  void replayingEverythingRaisesNoAlertTwice() {
    Map<String, String> rules =
        Map.of(
            "alert.mention-spike.baseline-windows", "2",
            "alert.mention-spike.min-count", "3");
    List<Article> day = new ArrayList<>();
    day.add(mentioning("r0", hour(0, 5), "nato-membership=1"));
    day.add(mentioning("r1", hour(1, 5), "nato-membership=1"));
    day.add(
        scripted("r2", hour(2, 5), "Alpha", StanceLabel.AGAINST, -0.9, 0.9, "nato-membership=9"));
    day.add(mentioning("r3", hour(3, 0), "tick=1"));
    try (TopologyFixture f = fixture(rules)) {
      day.forEach(f::pipe);
      List<String> first = f.alerts.readValuesToList().stream().map(Alert::id).toList();
      assertThat(first)
          .containsExactlyInAnyOrder(
              "strong-stance@r2@2025-06-20T02:00:00Z",
              "mention-spike@nato-membership@2025-06-20T02:00:00Z");

      day.forEach(f::pipe);
      assertThat(f.alerts.isEmpty()).isTrue();
      assertThat(
              f.driver
                  .<String, Alert>getKeyValueStore(StanceTopology.EMITTED_ALERTS)
                  .get("strong-stance@r2@2025-06-20T02:00:00Z"))
          .isNotNull();
    }
  }

  @Test
  void anAlertIdReachingThePublisherTwiceIsPublishedOnce() {
    try (TopologyFixture f = fixture(Map.of())) {
      f.pipe(scripted("s", hour(1, 0), "Alpha", StanceLabel.AGAINST, -0.9, 0.9));
      Alert first = f.alerts.readValuesToList().get(0);
      // As if an upstream task re-emitted the alert after a crash: feed its repartition topic.
      TestInputTopic<String, Alert> reemit =
          f.driver.createInputTopic(
              "stancestream-test-strong-stance-alerts-by-id-repartition",
              Serdes.String().serializer(),
              f.topics.alerts().valueSerde().serializer());
      reemit.pipeInput(first.id(), first, hour(1, 0));
      assertThat(f.alerts.isEmpty()).isTrue();
    }
  }
}
