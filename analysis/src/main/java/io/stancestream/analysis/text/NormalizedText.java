package io.stancestream.analysis.text;

/**
 * A lower-cased copy of a text with the same length as the original, so that every offset found in
 * it is also an offset in the original. Typographic quotes and apostrophes are folded to ASCII and
 * non-breaking spaces to spaces; no character is inserted or removed.
 */
public final class NormalizedText {
  private final String original;
  private final char[] foldedChars;
  private String folded;

  private NormalizedText(String original, char[] foldedChars) {
    this.original = original;
    this.foldedChars = foldedChars;
  }

  /** Folds {@code text} character by character. */
  public static NormalizedText of(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(text.charAt(i));
    }
    return new NormalizedText(text, out);
  }

  /** The folded form of one character (same length guaranteed). */
  public static char fold(char c) {
    if (c < 0x80) {
      // ASCII, nearly every character of English text: no table or switch needed.
      if (c >= 'A' && c <= 'Z') {
        return (char) (c + ('a' - 'A'));
      }
      return c == '\u0060' ? '\'' : c;
    }
    switch (c) {
      case '\u2019':
      case '\u2018':
      case '\u02BC':
      case '\u00B4':
        return '\'';
      case '\u201C':
      case '\u201D':
      case '\u201E':
      case '\u00AB':
      case '\u00BB':
        return '"';
      case '\u00A0':
      case '\u2009':
      case '\u202F':
        return ' ';
      default:
        return Character.toLowerCase(c);
    }
  }

  /** Folds a short phrase the same way (used for lexicon entries). */
  public static String foldPhrase(String phrase) {
    String f = of(phrase.strip()).folded();
    StringBuilder sb = null;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (Character.isWhitespace(c)
          && (c != ' ' || (i + 1 < f.length() && f.charAt(i + 1) == ' '))) {
        sb = new StringBuilder(f.length());
        break;
      }
    }
    if (sb == null) {
      return f;
    }
    boolean space = false;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
      } else {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public String original() {
    return original;
  }

  /** The folded text (made on first use). */
  public String folded() {
    if (folded == null) {
      folded = new String(foldedChars);
    }
    return folded;
  }

  /**
   * The folded text as characters, for scanning loops: indexing an array is cheaper than {@link
   * String#charAt} on a text with characters beyond Latin-1 (typographic dashes, Cyrillic names).
   * The array is shared, not copied: callers must not modify it.
   */
  public char[] foldedChars() {
    return foldedChars;
  }

  public int length() {
    return foldedChars.length;
  }
}
