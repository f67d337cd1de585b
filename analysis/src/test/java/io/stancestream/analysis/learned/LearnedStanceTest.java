package io.stancestream.analysis.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.analysis.lexicon.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnedStanceTest {

  /** A toy encoder: counts of "yes" and "no" words, so that the classes are separable. */
  private static final SentenceEmbedder TOY =
      new SentenceEmbedder() {
        @Override
        public float[] embed(String text) {
          float yes = 0;
          float no = 0;
          for (String w : text.toLowerCase().split("\\W+")) {
            yes += w.equals("yes") ? 1 : 0;
            no += w.equals("no") ? 1 : 0;
          }
          return new float[] {yes, no, 1f};
        }

        @Override
        public String id() {
          return "toy";
        }
      };

  private static LearnedModel trainToy() {
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    List<StanceLabel> labels = List.of(StanceLabel.values());
    String[][] data = {
      {"yes yes", "FAVOR"},
      {"yes", "FAVOR"},
      {"no no", "AGAINST"},
      {"no", "AGAINST"},
      {"maybe", "NEUTRAL"},
      {"perhaps", "NEUTRAL"}
    };
    for (String[] d : data) {
      xs.add(LearnedStance.features(TOY, List.of(d[0])));
      ys.add(labels.indexOf(StanceLabel.valueOf(d[1])));
    }
    return TrainLearnedLayer.fit(xs, ys, labels, "toy", Map.of("source", "test"));
  }

  @Test
  void trainingSeparatesSeparableClassesAndPredictsThem() {
    LearnedStance layer = new LearnedStance(trainToy(), TOY, 0.6);
    assertThat(layer.predict(List.of("yes, yes indeed")).label()).isEqualTo(StanceLabel.FAVOR);
    assertThat(layer.predict(List.of("no and no")).label()).isEqualTo(StanceLabel.AGAINST);
    assertThat(layer.predict(List.of("maybe")).label()).isEqualTo(StanceLabel.NEUTRAL);
    assertThat(layer.predict(List.of())).isNull();
  }

  @Test
  void overridesOnlyConfidentPolarCalls() {
    LearnedStance strict = new LearnedStance(trainToy(), TOY, 0.999999);
    LearnedStance lenient = new LearnedStance(trainToy(), TOY, 0.5);
    LearnedStance.Prediction p = lenient.predict(List.of("yes yes"));
    assertThat(lenient.overrides(p)).isTrue();
    assertThat(strict.overrides(p)).isFalse();
    assertThat(lenient.overrides(lenient.predict(List.of("maybe")))).isFalse();
  }

  @Test
  void modelJsonRoundTrips() throws Exception {
    LearnedModel m = trainToy();
    LearnedModel back = LearnedModel.fromJson(new ObjectMapper().readTree(m.toJson()));
    double[] x = LearnedStance.features(TOY, List.of("yes no yes"));
    assertThat(back.probabilities(x)[0]).isCloseTo(m.probabilities(x)[0], within(1e-5));
    assertThat(back.labels()).isEqualTo(m.labels());
    assertThat(back.provenance()).containsEntry("source", "test");
  }

  @Test
  void refusesAModelTrainedOnAnotherEncoder() {
    LearnedModel m = trainToy();
    SentenceEmbedder other =
        new SentenceEmbedder() {
          @Override
          public float[] embed(String text) {
            return new float[3];
          }

          @Override
          public String id() {
            return "other";
          }
        };
    assertThatThrownBy(() -> new LearnedStance(m, other, 0.6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("toy");
  }

  @Test
  void isOffByDefault() {
    assertThat(LearnedStance.fromConfig(ConfigFiles.classpathDefaults())).isNull();
  }

  @Test
  void shippedModelWasTrainedOnTheShippedTrainingFile() throws Exception {
    LearnedModel shipped =
        LearnedModel.fromJson(ConfigFiles.classpathDefaults().json("stance/learned-model.json"));
    byte[] training = Files.readAllBytes(Path.of("training", "stance-train.jsonl"));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(training));
    assertThat(shipped.provenance()).containsEntry("training_sha256", sha);
    assertThat(shipped.embedder()).isEqualTo(MiniLmEmbedder.ID);
    assertThat(shipped.weights()[0]).hasSize(384);
  }

  @Test
  void realMiniLmLayerReadsStanceFromOurOwnSentences() {
    LearnedStance layer =
        new LearnedStance(
            LearnedModel.fromJson(
                ConfigFiles.classpathDefaults().json("stance/learned-model.json")),
            new MiniLmEmbedder(),
            0.6);
    assertThat(
            layer
                .predict(List.of("The allies must finally invite Ukraine to become a member."))
                .favorMinusAgainst())
        .isPositive();
    assertThat(
            layer
                .predict(List.of("The alliance should rule out membership for Ukraine for good."))
                .favorMinusAgainst())
        .isNegative();
  }
}
