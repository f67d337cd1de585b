package io.stancestream.analysis.text;

/**
 * One sentence as a span of the original body.
 *
 * @param start offset in the body, inclusive
 * @param end offset in the body, exclusive
 * @param headline a headline-like line (no sentence punctuation), e.g. headline, dek, section
 * @param segment index of the {@link CleanedText.Segment} (paragraph) it belongs to
 */
public record Sentence(int start, int end, boolean headline, int segment) {
  /** The sentence text, cut from {@code body}. */
  public String text(String body) {
    return body.substring(start, end);
  }
}
