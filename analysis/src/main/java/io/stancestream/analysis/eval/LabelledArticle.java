package io.stancestream.analysis.eval;

import io.stancestream.analysis.StanceLabel;

/**
 * One line of a labelled evaluation file (schema of {@code shared/eval/dev.jsonl}); only the fields
 * the evaluation needs are kept.
 */
public record LabelledArticle(String id, String title, String text, StanceLabel label) {}
