package io.stancestream.analysis.stance;

import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
import java.util.List;

/**
 * The stance part of an analysis.
 *
 * @param label document stance
 * @param score signed strength in [-1, 1]
 * @param confidence probability-like confidence in [0, 1]
 * @param evidence author sentences (strongest first), then attributed ones (contribution 0)
 * @param authorSentences text of the author's sentences bearing on membership, in reading order
 *     (the title first when it counts); the learned layer reads these
 */
public record StanceOutcome(
    StanceLabel label,
    double score,
    double confidence,
    List<EvidenceSentence> evidence,
    List<String> authorSentences) {}
