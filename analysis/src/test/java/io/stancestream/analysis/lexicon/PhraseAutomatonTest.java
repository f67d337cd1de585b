package io.stancestream.analysis.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

/**
 * The automaton finds exactly the whole-word occurrences among what the reference Aho-Corasick
 * library finds (every occurrence, overlaps included), on hand-picked cases and on random texts
 * over a small alphabet, where overlaps, shared prefixes and word boundaries are frequent.
 */
class PhraseAutomatonTest {

  private record Found(int start, int end, String phrase) {}

  private static List<Found> scan(List<String> phrases, String text) {
    List<Found> out = new ArrayList<>();
    PhraseAutomaton automaton = PhraseAutomaton.of(phrases);
    automaton.scan(
        text.toCharArray(),
        text.length(),
        (s, e, p) -> out.add(new Found(s, e, automaton.phrase(p))));
    return out;
  }

  private static List<Found> reference(List<String> phrases, String text) {
    List<Found> out = new ArrayList<>();
    Trie.TrieBuilder b = Trie.builder();
    b.addKeywords(phrases);
    b.build()
        .parseText(
            text,
            emit -> {
              int start = emit.getStart();
              int end = emit.getEnd() + 1;
              boolean wordStart = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1));
              boolean wordEnd =
                  end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
              if (wordStart && wordEnd) {
                out.add(new Found(start, end, emit.getKeyword()));
              }
              return true;
            });
    return out;
  }

  @Test
  void findsOverlappingAndNestedPhrasesOnWholeWords() {
    List<String> phrases = List.of("nato", "join nato", "ukraine", "in nato", "n", "senator");
    assertThat(scan(phrases, "ukraine will join nato, n-senator"))
        .containsExactly(
            new Found(0, 7, "ukraine"),
            new Found(13, 22, "join nato"),
            new Found(18, 22, "nato"),
            new Found(24, 25, "n"),
            new Found(26, 33, "senator"));
  }

  @Test
  void phrasesMayBeginOrEndWithPunctuation() {
    assertThat(scan(List.of("(nato", "nato)", "no."), "a (nato) no. x(nato"))
        .containsExactly(
            new Found(2, 7, "(nato"), new Found(3, 8, "nato)"), new Found(9, 12, "no."));
  }

  @Test
  void findsNothingInTextsWithoutPhraseCharacters() {
    assertThat(scan(List.of("abc"), "xyz 123 ÿ")).isEmpty();
    assertThat(scan(List.of(), "anything")).isEmpty();
  }

  @Test
  void agreesWithTheReferenceImplementationOnRandomTexts() {
    SplittableRandom random = new SplittableRandom(42);
    String alphabet = "ab c-";
    for (int round = 0; round < 400; round++) {
      List<String> phrases = new ArrayList<>();
      // Up to 3 * DENSE_DEPTH characters: states with and without a dense row.
      int maxLength = 3 * PhraseAutomaton.DENSE_DEPTH;
      for (int i = 0; i < 1 + random.nextInt(12); i++) {
        phrases.add(randomText(random, alphabet, 1 + random.nextInt(maxLength)));
      }
      String text = randomText(random, alphabet + "xz", random.nextInt(400));
      List<Found> expected = reference(phrases, text);
      List<Found> actual = scan(phrases, text);
      Comparator<Found> byStartThenEnd =
          Comparator.comparingInt(Found::start).thenComparingInt(Found::end);
      assertThat(actual).isSortedAccordingTo(byStartThenEnd);
      assertThat(actual)
          .as("phrases %s in %s", phrases, text)
          .containsExactlyInAnyOrderElementsOf(expected.stream().distinct().toList());
    }
  }

  private static String randomText(SplittableRandom random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
