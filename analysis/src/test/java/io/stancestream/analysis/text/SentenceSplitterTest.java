package io.stancestream.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.lexicon.ConfigFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private final ConfigFiles files = ConfigFiles.classpathDefaults();
  private final SentenceSplitter splitter = new SentenceSplitter(files);
  private final TextCleaner cleaner = new TextCleaner(files);

  private List<String> split(String text) {
    return splitter.split(text).stream().map(s -> s.text(text)).toList();
  }

  @Test
  void doesNotBreakAfterTitlesAndInitials() {
    assertThat(split("Mr. Smith met Gen. Jones and Sen. Graham. They spoke about George W. Bush."))
        .containsExactly(
            "Mr. Smith met Gen. Jones and Sen. Graham.", "They spoke about George W. Bush.");
  }

  @Test
  void keepsInitialismsInsideSentencesButEndsSentencesThatCloseWithThem() {
    assertThat(split("The U.S. President spoke on Jan. 5 in Vilnius. It was cold."))
        .containsExactly("The U.S. President spoke on Jan. 5 in Vilnius.", "It was cold.");
    assertThat(split("Aid came from the U.S. The allies waited."))
        .containsExactly("Aid came from the U.S.", "The allies waited.");
  }

  @Test
  void keepsClosingQuotesWithTheirSentence() {
    assertThat(split("He said, “NATO must act.” Then he left. “Why now?” she asked."))
        .containsExactly("He said, “NATO must act.”", "Then he left.", "“Why now?” she asked.");
  }

  @Test
  void headlineLinesAreSentencesOnTheirOwn() {
    String body =
        "A Marriage That Won’t Happen\nNATO has a hard rule. It is firm.\nLOUDER THAN WORDS\n";
    List<Sentence> sentences = splitter.split(cleaner.clean(null, body));
    assertThat(sentences.stream().map(s -> s.text(body)))
        .containsExactly(
            "A Marriage That Won’t Happen",
            "NATO has a hard rule.",
            "It is firm.",
            "LOUDER THAN WORDS");
    assertThat(sentences.get(0).headline()).isTrue();
    assertThat(sentences.get(1).headline()).isFalse();
  }

  @Test
  void softWrappedLinesFormOneSentenceWithOriginalOffsets() {
    String body = "It is entirely understandable that\nRussia is reluctant. Next one.";
    List<Sentence> sentences = splitter.split(cleaner.clean(null, body));
    assertThat(sentences).hasSize(2);
    assertThat(sentences.get(0).text(body))
        .isEqualTo("It is entirely understandable that\nRussia is reluctant.");
  }
}
