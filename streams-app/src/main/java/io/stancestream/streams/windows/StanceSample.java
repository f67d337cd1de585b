package io.stancestream.streams.windows;

import io.stancestream.events.StanceLabel;

/** One article's stance, keyed by outlet (and once more by {@code *}) for the trend windows. */
public record StanceSample(String articleId, StanceLabel label, double score, double confidence) {}
