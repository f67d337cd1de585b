package io.stancestream.analysis.eval;

import io.stancestream.analysis.StanceLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Peer baseline: general-purpose sentiment mapped to stance (positive -> FAVOR, negative ->
 * AGAINST, near zero -> NEUTRAL). It uses the VADER lexicon (Hutto and Gilbert, 2014; MIT) as
 * published in the Maven Central artifact {@code com.github.apanimesh061:vader-sentiment-analyzer}
 * ({@code vader_sentiment_lexicon.txt}), with VADER's compound score in simplified form: word
 * valences summed with VADER's negation damping (x -0.74 after "not", "never", "no", "n't" within
 * three words), normalised by {@code x / sqrt(x^2 + 15)}, and VADER's usual +/-0.05 thresholds.
 * Boosters, capitalisation and "but" rules of full VADER are left out.
 */
public final class SentimentLexiconBaseline {

  private static final String RESOURCE = "/vader_sentiment_lexicon.txt";
  private static final double NEGATION_SCALAR = -0.74;
  private static final double ALPHA = 15.0;
  private static final double THRESHOLD = 0.05;
  private static final Set<String> NEGATIONS =
      Set.of("not", "no", "never", "none", "nor", "neither", "without", "nothing", "cannot");

  private final Map<String, Double> valence;

  /** Loads the VADER lexicon from the classpath. */
  public SentimentLexiconBaseline() {
    this.valence = load();
  }

  private static Map<String, Double> load() {
    Map<String, Double> out = new HashMap<>();
    try (InputStream in = SentimentLexiconBaseline.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("VADER lexicon " + RESOURCE + " not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String[] cols = line.split("\t");
        if (cols.length >= 2) {
          out.put(cols[0].strip(), Double.parseDouble(cols[1].strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }

  /** Number of entries in the lexicon. */
  public int size() {
    return valence.size();
  }

  /** VADER-style compound score in [-1, 1]. */
  public double compound(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^a-z']+");
    double sum = 0;
    for (int i = 0; i < words.length; i++) {
      Double v = valence.get(words[i]);
      if (v == null) {
        continue;
      }
      double s = v;
      for (int k = Math.max(0, i - 3); k < i; k++) {
        if (NEGATIONS.contains(words[k]) || words[k].endsWith("n't")) {
          s *= NEGATION_SCALAR;
          break;
        }
      }
      sum += s;
    }
    return sum / Math.sqrt(sum * sum + ALPHA);
  }

  /** The stance the sentiment maps to. */
  public StanceLabel predict(String title, String text) {
    double c = compound((title == null ? "" : title + ". ") + text);
    return c >= THRESHOLD
        ? StanceLabel.FAVOR
        : c <= -THRESHOLD ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
  }
}
