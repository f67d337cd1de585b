package io.stancestream.events;

/**
 * A document-level stance call.
 *
 * @param label FAVOR, AGAINST or NEUTRAL
 * @param score signed strength in [-1, 1]: negative is against membership, positive in favour
 * @param confidence how sure the scorer is of {@code label}, in [0, 1]
 */
public record Stance(StanceLabel label, double score, double confidence) {}
