package io.stancestream.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Folding keeps every offset: one character in, one character out. */
class NormalizedTextTest {

  @Test
  void foldsQuotesSpacesAndCaseWithoutChangingTheLength() {
    String text = "NATO\u2019s \u201COpen Door\u201D\u00A0`policy\u00B4 \u00AB\u00C9TAT\u00BB";
    NormalizedText n = NormalizedText.of(text);
    assertThat(n.folded()).isEqualTo("nato's \"open door\" 'policy' \"\u00E9tat\"");
    assertThat(n.length()).isEqualTo(text.length());
  }

  @Test
  void everyCharacterFoldsToItsLowerCaseExceptQuotesAndSpaces() {
    String quotes = "\u2019\u2018\u02BC\u0060\u00B4";
    String doubleQuotes = "\u201C\u201D\u201E\u00AB\u00BB";
    String spaces = "\u00A0\u2009\u202F";
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      char expected =
          quotes.indexOf(c) >= 0
              ? '\''
              : doubleQuotes.indexOf(c) >= 0
                  ? '"'
                  : spaces.indexOf(c) >= 0 ? ' ' : Character.toLowerCase(c);
      assertThat(NormalizedText.fold(c)).as("U+%04X", i).isEqualTo(expected);
    }
  }
}
