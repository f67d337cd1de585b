package io.stancestream.streams.enrich;

import io.stancestream.analysis.AnalysisResult;
import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.events.Article;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.Evidence;
import io.stancestream.events.Stance;
import io.stancestream.events.StanceLabel;
import io.stancestream.streams.ArticleScorer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Scores an article with the analyzer and maps the analysis records onto the event records of
 * {@code article-stance}. {@code processedAt} is the context's wall-clock time, which {@code
 * TopologyTestDriver} controls, so the topology itself reads no clock.
 */
public final class Enricher implements FixedKeyProcessor<String, Article, ArticleStance> {

  private final ArticleScorer scorer;
  private final String seenStoreName;
  private FixedKeyProcessorContext<String, ArticleStance> context;
  private KeyValueStore<String, String> seen;

  /**
   * @param scorer the analyzer
   * @param seenStoreName the store of {@link FirstSeenFilter}, where a scored article's id is
   *     remembered (only then, so that a failed one can be replayed)
   */
  public Enricher(ArticleScorer scorer, String seenStoreName) {
    this.scorer = scorer;
    this.seenStoreName = seenStoreName;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ArticleStance> context) {
    this.context = context;
    this.seen = context.getStateStore(seenStoreName);
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    Article a = record.value();
    AnalysisResult r = scorer.analyze(a.title() == null ? "" : a.title(), a.body());
    FirstSeenFilter.markSeen(seen, record.key(), a);
    Instant processedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
    context.forward(record.withValue(toStance(a, r, processedAt)));
  }

  /** The pure mapping from article and analysis to the event record. */
  public static ArticleStance toStance(Article a, AnalysisResult r, Instant processedAt) {
    List<Evidence> evidence =
        r.evidence() == null ? List.of() : r.evidence().stream().map(Enricher::evidence).toList();
    Map<String, Integer> mentions = r.mentions() == null ? Map.of() : new TreeMap<>(r.mentions());
    return new ArticleStance(
        ArticleStance.SCHEMA_VERSION,
        a.id(),
        a.title(),
        a.outlet(),
        a.url(),
        a.author(),
        a.publishedAt(),
        a.ingestedAt(),
        new Stance(StanceLabel.valueOf(r.label().name()), r.score(), r.confidence()),
        evidence,
        mentions,
        r.scorerVersion(),
        processedAt);
  }

  private static Evidence evidence(EvidenceSentence e) {
    return new Evidence(e.sentence(), e.start(), e.end(), e.speaker(), e.contribution());
  }
}
