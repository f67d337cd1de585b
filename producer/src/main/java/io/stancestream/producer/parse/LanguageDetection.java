package io.stancestream.producer.parse;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Detects the language of an article body with the Optimaize n-gram detector (built-in profiles,
 * loaded once on first use). Returns an ISO 639-1 code such as {@code en}, or empty when the text
 * is too short or the detector is unsure.
 */
public final class LanguageDetection {

  private static final int SAMPLE_CHARS = 4000;
  private static final double MIN_PROBABILITY = 0.80;

  private LanguageDetection() {}

  private static final class Holder {
    static final LanguageDetector DETECTOR;
    static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingOnLargeText();

    static {
      try {
        DETECTOR =
            LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load language profiles", e);
      }
    }
  }

  /**
   * Loads the language profiles (a few seconds on a busy machine) on a background thread, so the
   * first article does not wait for them when other work comes first (starting a broker, fetching).
   */
  public static void warmUp() {
    Thread t =
        new Thread(
            () -> detect("warming up the language profiles"), "stancestream-langdetect-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** The language of {@code text}, if it can be told with confidence. */
  public static Optional<String> detect(String text) {
    if (text == null || text.strip().length() < 20) {
      return Optional.empty();
    }
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    List<DetectedLanguage> probabilities =
        Holder.DETECTOR.getProbabilities(Holder.TEXT.forText(sample));
    if (probabilities.isEmpty() || probabilities.get(0).getProbability() < MIN_PROBABILITY) {
      return Optional.empty();
    }
    return Optional.of(probabilities.get(0).getLocale().getLanguage().toLowerCase(Locale.ROOT));
  }

  /** {@code en-US}, {@code en_GB}, {@code EN} -> {@code en}; null or blank -> null. */
  public static String normaliseTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    int dash = t.indexOf('-');
    return dash > 0 ? t.substring(0, dash) : t;
  }
}
