package io.stancestream.analysis.text;

import java.util.List;

/**
 * The parts of a scraped body worth reading, as spans of the ORIGINAL body: nothing is copied or
 * shifted, so every offset derived from a segment is an offset in the body the analyzer was given.
 *
 * @param body the original body
 * @param segments kept paragraphs and headline-like lines, in order
 * @param titleSegment index into {@code segments} of the body line that repeats the title, or -1
 */
public record CleanedText(String body, List<Segment> segments, int titleSegment) {

  /**
   * One kept span: a paragraph (soft-wrapped lines joined) or a headline-like line.
   *
   * @param start offset in the body, inclusive
   * @param end offset in the body, exclusive
   * @param headline a short line without sentence punctuation (headline, dek or section header)
   * @param headerZone whether it lies in the first lines of the page, before the article text
   */
  public record Segment(int start, int end, boolean headline, boolean headerZone) {}

  public CleanedText {
    segments = List.copyOf(segments);
  }

  /** The kept text, one segment per line (for reading and debugging; offsets differ from body). */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(body, s.start(), s.end());
    }
    return sb.toString();
  }

  /**
   * Maps an offset in {@link #text()} back to the original body.
   *
   * @throws IndexOutOfBoundsException if the offset is outside the cleaned text
   */
  public int toOriginal(int cleanedOffset) {
    int base = 0;
    for (Segment s : segments) {
      int len = s.end() - s.start();
      if (cleanedOffset <= base + len) {
        return s.start() + (cleanedOffset - base);
      }
      base += len + 1;
    }
    throw new IndexOutOfBoundsException("offset " + cleanedOffset + " beyond cleaned text");
  }
}
