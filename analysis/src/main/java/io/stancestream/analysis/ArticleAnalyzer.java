package io.stancestream.analysis;

import io.stancestream.analysis.learned.LearnedStance;
import io.stancestream.analysis.lexicon.ConfigFiles;
import io.stancestream.analysis.stance.StanceOutcome;
import io.stancestream.analysis.stance.StanceScorer;
import io.stancestream.analysis.text.CleanedText;
import io.stancestream.analysis.text.NormalizedText;
import io.stancestream.analysis.text.Sentence;
import io.stancestream.analysis.text.SentenceSplitter;
import io.stancestream.analysis.text.TextCleaner;
import io.stancestream.analysis.topics.TopicMatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one entry point for analysing an article: cleans the scraped body, splits it into sentences,
 * counts topic mentions and scores the author's stance toward Ukraine's NATO membership.
 *
 * <p>Build it once ({@link #withDefaults()} or {@link #fromConfigDir(Path)}) and share it: it is
 * immutable and thread-safe, and all lexicons are compiled at construction. Evidence offsets refer
 * to the body string passed to {@link #analyze(String, String)}: for every evidence sentence {@code
 * e}, {@code e.sentence().equals(body.substring(e.start(), e.end()))}.
 */
public final class ArticleAnalyzer {

  private final TextCleaner cleaner;
  private final SentenceSplitter splitter;
  private final TopicMatcher topics;
  private final StanceScorer scorer;
  private final LearnedStance learned; // null unless learned.enabled
  private final String version;

  private ArticleAnalyzer(ConfigFiles files) {
    this.cleaner = new TextCleaner(files);
    this.splitter = new SentenceSplitter(files);
    this.topics = new TopicMatcher(files);
    this.scorer = new StanceScorer(files);
    this.learned = LearnedStance.fromConfig(files);
    this.version =
        "rules-" + scorer.revision() + "." + scorer.cueCount() + (learned == null ? "" : "+minilm");
  }

  /** An analyzer using the lexicons and rules packaged from the repository's {@code config/}. */
  public static ArticleAnalyzer withDefaults() {
    return new ArticleAnalyzer(ConfigFiles.classpathDefaults());
  }

  /**
   * An analyzer whose data files are read from {@code dir} (same layout as {@code config/}, e.g.
   * {@code dir/stance/cues.yaml}); files missing there fall back to the packaged defaults.
   *
   * @throws IllegalArgumentException if {@code dir} is not a directory
   * @throws IllegalStateException if a data file is malformed (the message names it)
   */
  public static ArticleAnalyzer fromConfigDir(Path dir) {
    return new ArticleAnalyzer(ConfigFiles.overriddenBy(dir));
  }

  /**
   * An analyzer from {@code dir} (or the packaged defaults when null) with single values of {@code
   * stance/scoring.yaml} replaced, e.g. {@code Map.of("learned.enabled", "true")}.
   *
   * @throws IllegalArgumentException if {@code dir} is not a directory or a key is not settable
   * @throws IllegalStateException if a data file is malformed (the message names it)
   */
  public static ArticleAnalyzer withScoringSettings(Path dir, Map<String, String> settings) {
    return new ArticleAnalyzer(ConfigFiles.withScoringSettings(dir, settings));
  }

  /**
   * The sentences the learned layer reads for an article: the author's sentences bearing on
   * membership as the rules select them, or, when there are none, the title and the first three
   * sentences. Public so that training reads exactly what inference reads.
   */
  public List<String> learnedInputs(String title, String body) {
    NormalizedText norm = NormalizedText.of(body);
    CleanedText cleaned = cleaner.clean(title, norm);
    List<Sentence> sentences = splitter.split(cleaned);
    StanceOutcome stance = scorer.score(title, cleaned, sentences, norm);
    return learnedInputs(title, cleaned, sentences, stance);
  }

  private static List<String> learnedInputs(
      String title, CleanedText cleaned, List<Sentence> sentences, StanceOutcome stance) {
    if (!stance.authorSentences().isEmpty()) {
      return stance.authorSentences();
    }
    List<String> lead = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      lead.add(title);
    }
    for (int i = 0; i < Math.min(3, sentences.size()); i++) {
      lead.add(sentences.get(i).text(cleaned.body()));
    }
    return lead;
  }

  /** Scorer and lexicon revision, stamped on every result as {@code scorerVersion}. */
  public String version() {
    return version;
  }

  /**
   * Analyses one article.
   *
   * @param title the headline; may be null or blank
   * @param body the scraped body as received (offsets in the result refer to it)
   */
  public AnalysisResult analyze(String title, String body) {
    Objects.requireNonNull(body, "body");
    NormalizedText norm = NormalizedText.of(body);
    CleanedText cleaned = cleaner.clean(title, norm);
    List<Sentence> sentences = splitter.split(cleaned);
    StanceOutcome stance = scorer.score(title, cleaned, sentences, norm);
    if (learned != null && stance.label() == StanceLabel.NEUTRAL) {
      LearnedStance.Prediction p =
          learned.predict(learnedInputs(title, cleaned, sentences, stance));
      if (learned.overrides(p)) {
        stance =
            new StanceOutcome(
                p.label(),
                Math.round(p.favorMinusAgainst() * 10000.0) / 10000.0,
                Math.round(p.probability() * 10000.0) / 10000.0,
                stance.evidence(),
                stance.authorSentences());
      }
    }
    List<int[]> kept = new ArrayList<>(cleaned.segments().size());
    for (CleanedText.Segment s : cleaned.segments()) {
      kept.add(new int[] {s.start(), s.end()});
    }
    // Chrome, bios and pingbacks do not count as mentions; a title repeated in the body counts
    // once.
    String extraTitle = cleaned.titleSegment() < 0 ? title : null;
    Map<String, Integer> mentions = topics.count(extraTitle, norm, kept);
    return new AnalysisResult(
        stance.label(),
        stance.score(),
        stance.confidence(),
        stance.evidence(),
        Map.copyOf(mentions),
        version);
  }
}
