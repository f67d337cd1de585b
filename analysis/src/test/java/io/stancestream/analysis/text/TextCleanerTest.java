package io.stancestream.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.analysis.Seeds;
import io.stancestream.analysis.lexicon.ConfigFiles;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  private final TextCleaner cleaner = new TextCleaner(ConfigFiles.classpathDefaults());

  @Test
  void removesSiteChromeCaptionAndBioFromForeignAffairsSeed() {
    String body = Seeds.read(Seeds.FOREIGN_AFFAIRS);
    String cleaned = cleaner.clean("Close NATO’s Door to Ukraine", body).text();

    assertThat(cleaned.lines())
        .doesNotContain("foreignaffairs.com", "Listen", "Share &", "Download", "Print", "Save")
        .doesNotContain("TO’s Door to Ukraine");
    assertThat(cleaned).doesNotContain("Reuters").doesNotContain("Ints Kalnins");
    assertThat(cleaned)
        .doesNotContain("is Professor of International Affairs")
        .doesNotContain("Isolationism: A History");
    assertThat(cleaned).contains("it is time to take NATO membership for Ukraine off the table");
    assertThat(cleaned.lines()).contains("Close NATO’s Door to Ukraine");
  }

  @Test
  void removesAuthorBlockFollowLineAndPingbacksFromNsjSeed() {
    String body = Seeds.read(Seeds.NSJ);
    String cleaned = cleaner.clean(null, body).text();

    assertThat(cleaned)
        .doesNotContain("About the Author")
        .doesNotContain("Andrew Latham is a non-resident fellow")
        .doesNotContain("You can follow him on X")
        .doesNotContain("Pingback:");
    assertThat(cleaned).endsWith("But NATO? No chance.");
  }

  @Test
  void joinsHardWrappedLinesButKeepsHeadlinesApart() {
    String body = Seeds.read(Seeds.FOREIGN_AFFAIRS);
    CleanedText cleaned = cleaner.clean(null, body);

    assertThat(cleaned.segments())
        .anySatisfy(
            s ->
                assertThat(body.substring(s.start(), s.end()))
                    .startsWith(
                        "But amid its bungled Ukraine diplomacy, the\nTrump administration"));
    assertThat(cleaned.segments())
        .anySatisfy(
            s -> {
              assertThat(body.substring(s.start(), s.end())).isEqualTo("LEADING THEM ON");
              assertThat(s.headline()).isTrue();
            });
  }

  @Test
  void everyCleanedCharacterMapsBackToTheOriginalBody() {
    for (String seed : new String[] {Seeds.FOREIGN_AFFAIRS, Seeds.NSJ}) {
      String body = Seeds.read(seed);
      CleanedText cleaned = cleaner.clean(null, body);
      String text = cleaned.text();
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) != '\n') {
          assertThat(body.charAt(cleaned.toOriginal(i))).isEqualTo(text.charAt(i));
        }
      }
      for (CleanedText.Segment s : cleaned.segments()) {
        assertThat(s.start()).isLessThan(s.end());
        assertThat(body.substring(s.start(), s.end()))
            .isEqualTo(body.substring(s.start(), s.end()).strip());
      }
    }
  }

  @Test
  void dropsPhotoCreditCaptionsAndShareBarsInOtherTexts() {
    String body =
        "example.org\nShare\nTweet\nSoldiers near Kharkiv, May 2024. Photo: AP\n"
            + "Troops rest near Kharkiv in May 2024Jane Doe / AFP\n"
            + "The alliance met in Brussels on Tuesday.\n";
    String cleaned = cleaner.clean(null, body).text();
    assertThat(cleaned).isEqualTo("The alliance met in Brussels on Tuesday.");
  }
}
