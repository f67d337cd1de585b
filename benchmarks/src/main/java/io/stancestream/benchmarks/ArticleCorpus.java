package io.stancestream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic, realistic benchmark input: scraped-looking articles of about 5 KB (site chrome,
 * headline, dek, opinion and news paragraphs with quotes, reported speech, abbreviations, an author
 * bio and pingbacks), assembled from sentence banks written for this benchmark.
 */
public final class ArticleCorpus {

  private static final String[] CHROME = {
    "example-news.com", "Listen", "Share &", "Download", "Print", "Save"
  };

  private static final String[] HEADLINES = {
    "NATO Should Invite Ukraine Now",
    "Close the Door Before It Is Too Late",
    "Allies Meet in Brussels as Kyiv Presses Its Case",
    "The Case Against Another Round of Enlargement",
    "Why Neutrality Would Be a Trap for Ukraine",
    "Summit Ends Without a Timetable for Membership"
  };

  private static final String[] OPINION = {
    "The alliance should stop hiding behind procedure and extend an invitation to Kyiv.",
    "Membership is the only credible security guarantee for a country that has been invaded twice.",
    "But the Bucharest promise has turned into a source of false hope, and it is time to say so.",
    "Neutrality did not protect Ukraine in 2014, and it will not protect it in the future.",
    "It would be a mistake to take membership off the table in exchange for a fragile truce.",
    "Why should Western taxpayers underwrite a commitment their governments will never honour?",
    "Let us stop pretending that a timetable exists when nobody in Washington believes in one.",
    "Ukraine's army is the most experienced in Europe and would strengthen the eastern flank.",
    "Although the risks are real, the costs of leaving Ukraine in a gray zone are higher.",
    "NATO must not give Moscow a veto over the choices of a sovereign nation.",
    "A neutral but heavily armed Ukraine may be the most realistic outcome of any settlement.",
    "The door should stay open, even if nobody expects Kyiv to walk through it this decade."
  };

  private static final String[] NEWS = {
    "Foreign ministers met in Brussels on Tuesday to prepare the summit in The Hague.",
    "“Ukraine's future is in NATO,” Secretary General Mark Rutte told reporters after the meeting.",
    "Hungary's foreign minister said his government would not support an invitation this year.",
    "According to diplomats, the draft communiqué does not mention a timetable for accession.",
    "U.S. officials said the administration was focused on a ceasefire and on air defense deliveries.",
    "Mr. Zelensky has repeatedly called for a clear path to membership and for more Patriot systems.",
    "The Kremlin warned that any move toward enlargement would be treated as a provocation.",
    "Gen. Christopher Cavoli, the alliance's top commander, briefed ministers on the front in Donbas.",
    "Sanctions on Russian oil revenues and frozen assets were also on the agenda, officials said.",
    "Poland and the Baltic states pressed for stronger language, while Germany urged caution.",
    "The talks will continue on Wednesday, when defense ministers are due to arrive in the city.",
    "A poll published last week found that a majority of respondents backed Ukraine's bid."
  };

  private static final String[] FOOTER = {
    "About the Author: Dr. Jane Example",
    "Jane Example is a senior fellow at an example institute. You can follow her on X: @example.",
    "",
    "Pingback: Why the Summit Matters - Example Journal",
    "Pingback: Ten Questions About Article 5 - Example Journal"
  };

  private ArticleCorpus() {}

  /** {@code count} articles of roughly {@code targetChars} characters each, from a fixed seed. */
  public static List<String[]> generate(int count, int targetChars, long seed) {
    Random rnd = new Random(seed);
    List<String[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String title = HEADLINES[rnd.nextInt(HEADLINES.length)];
      StringBuilder body = new StringBuilder(targetChars + 512);
      for (String c : CHROME) {
        body.append(c).append('\n');
      }
      body.append(title).append('\n');
      boolean opinion = rnd.nextBoolean();
      while (body.length() < targetChars - 400) {
        int sentences = 3 + rnd.nextInt(4);
        for (int s = 0; s < sentences; s++) {
          String[] bank = (opinion ? rnd.nextInt(4) != 0 : rnd.nextInt(4) == 0) ? OPINION : NEWS;
          body.append(bank[rnd.nextInt(bank.length)]).append(' ');
        }
        body.setLength(body.length() - 1);
        body.append('\n');
      }
      for (String f : FOOTER) {
        body.append(f).append('\n');
      }
      out.add(new String[] {title, body.toString()});
    }
    return out;
  }
}
