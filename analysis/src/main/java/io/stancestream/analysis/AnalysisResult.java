package io.stancestream.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything the analyzer says about one article.
 *
 * @param label the document stance
 * @param score signed strength in [-1, 1] (negative = against membership)
 * @param confidence calibrated probability that {@code label} is right, in [0, 1]
 * @param evidence the sentences that decided it, strongest first
 * @param mentions topic id -> number of mentions in title and body
 * @param scorerVersion identifies the scorer and its lexicon revision
 */
public record AnalysisResult(
    StanceLabel label,
    double score,
    double confidence,
    List<EvidenceSentence> evidence,
    Map<String, Integer> mentions,
    String scorerVersion) {}
