package io.stancestream.events.generate;

import io.stancestream.events.Article;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic generator of realistic articles for benchmarks, chaos runs and generated-day tests:
 * op-eds and news reports about Ukraine, NATO and the war, of a chosen stance and length, with the
 * chrome, quotes and reported speech that real scrapes carry.
 *
 * <p>The sentences are written for this generator; none come from the evaluation set.
 */
public final class ArticleGenerator {

  /** The stance an author takes in a generated article. */
  public enum Lean {
    FAVOR,
    AGAINST,
    NEUTRAL
  }

  private static final String[] OUTLETS = {
    "The Atlantic Ledger", "Kyiv Morning Post", "Eurasia Review Weekly", "The Policy Desk",
    "Baltic Observer", "Washington Quarterly Digest", "Central Europe Times", "Global Affairs Daily"
  };

  private static final String[] AUTHORS = {
    "Maria Kovalenko",
    "James Whitfield",
    "Anna Lindqvist",
    "Tomasz Nowak",
    "Sarah Mitchell",
    "Oleh Hrytsenko",
    "David Brenner",
    "Claire Dubois"
  };

  private static final String[] FAVOR = {
    "Ukraine must be invited to join NATO at the next summit, and allies should say so plainly.",
    "The only durable security guarantee for Ukraine is full membership in the alliance.",
    "Closing the door to Ukraine would reward aggression and invite the next war.",
    "Neutrality failed Ukraine once; it would fail again, which is why membership matters.",
    "Allies should set a clear timetable for Ukraine's accession instead of vague promises.",
    "Ukraine's path to NATO is irreversible, and the alliance should act like it.",
    "Bringing Ukraine into NATO would make Europe safer, not more dangerous.",
    "Those who block Ukraine's membership are handing the Kremlin a veto over the alliance."
  };

  private static final String[] AGAINST = {
    "NATO should take Ukraine's membership off the table for good.",
    "Admitting Ukraine would drag the alliance into a war with a nuclear power.",
    "It is time to close NATO's door to Ukraine and pursue a neutral settlement.",
    "Ukraine will not join NATO, and pretending otherwise only prolongs the war.",
    "A neutral Ukraine with bilateral guarantees is a wiser outcome than membership.",
    "Membership for Ukraine is unrealistic and should be dropped from the agenda.",
    "Expanding the alliance to Ukraine would weaken collective defence rather than strengthen it.",
    "Washington should tell Kyiv plainly that NATO membership is not coming."
  };

  private static final String[] QUOTED = {
    "\"Ukraine's future is in NATO,\" the alliance's secretary general told reporters.",
    "Zelensky said on Tuesday that membership remained his country's goal.",
    "According to a Kremlin spokesman, any step toward membership would be a provocation.",
    "The summit communique declared that Ukraine's path to membership was irreversible.",
    "Hungarian officials said they would not support an invitation this year.",
    "\"We will never accept Ukraine in NATO,\" a Russian deputy foreign minister said."
  };

  private static final String[] NEWS = {
    "Foreign ministers met in Brussels on Wednesday to discuss air defence deliveries.",
    "The talks covered sanctions, frozen assets and the reconstruction of energy infrastructure.",
    "Officials said a ceasefire proposal was being reviewed by both delegations.",
    "Fighting continued near Pokrovsk as Russian forces pressed attacks in the Donbas.",
    "The European Union opened a new chapter of accession negotiations with Kyiv.",
    "Analysts expect the question of Article 5 guarantees to dominate the NATO summit.",
    "A new package of weapons and aid was announced, including artillery shells and drones.",
    "Crimea remains under Russian occupation, a fact that complicates any settlement.",
    "Putin repeated his demands in a televised address, while Trump called for direct talks.",
    "Rutte said the alliance would keep supporting Ukraine for as long as it takes."
  };

  private static final String[] CHROME = {"Listen", "Share &", "Download", "Print", "Save"};

  private final SplittableRandom random;

  public ArticleGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * One article.
   *
   * @param index used for a unique, stable id and URL
   * @param lean the author's stance
   * @param targetChars approximate body length in characters
   * @param publishedAt event time
   */
  public Article article(int index, Lean lean, int targetChars, Instant publishedAt) {
    String outlet = pick(OUTLETS);
    String author = pick(AUTHORS);
    String title = titleFor(lean);
    StringBuilder body = new StringBuilder(targetChars + 512);
    body.append(slug(outlet)).append(".com\n").append(title).append('\n');
    for (String c : CHROME) {
      body.append(c).append('\n');
    }
    while (body.length() < targetChars) {
      int sentences = 3 + random.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        body.append(sentence(lean)).append(' ');
      }
      body.setLength(body.length() - 1);
      body.append("\n\n");
    }
    body.append(author).append(" is a senior fellow who writes about European security.\n");
    String url = "https://" + slug(outlet) + ".example/articles/" + index;
    return new Article(
        Article.SCHEMA_VERSION,
        url,
        url,
        title,
        outlet,
        author,
        publishedAt,
        "en",
        body.toString(),
        "generator",
        publishedAt.plus(Duration.ofMinutes(1)));
  }

  /**
   * {@code count} articles spread evenly over {@code span} from {@code start}, leaning {@code
   * lean}.
   */
  public List<Article> batch(
      int firstIndex, int count, Lean lean, int targetChars, Instant start, Duration span) {
    List<Article> out = new ArrayList<>(count);
    long step = count == 0 ? 0 : span.toMillis() / count;
    for (int i = 0; i < count; i++) {
      out.add(article(firstIndex + i, lean, targetChars, start.plusMillis(step * i)));
    }
    return out;
  }

  /** A lean drawn at random: a third each. */
  public Lean randomLean() {
    return Lean.values()[random.nextInt(3)];
  }

  private String sentence(Lean lean) {
    int roll = random.nextInt(10);
    return switch (lean) {
      case FAVOR -> roll < 4 ? pick(FAVOR) : roll < 6 ? pick(QUOTED) : pick(NEWS);
      case AGAINST -> roll < 4 ? pick(AGAINST) : roll < 6 ? pick(QUOTED) : pick(NEWS);
      case NEUTRAL -> roll < 3 ? pick(QUOTED) : pick(NEWS);
    };
  }

  private String titleFor(Lean lean) {
    return switch (lean) {
      case FAVOR -> "Why NATO Must Open Its Door to Ukraine";
      case AGAINST -> "NATO Should Close Its Door to Ukraine";
      case NEUTRAL -> "Allies Meet as Talks on Ukraine's Future Continue";
    };
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static String slug(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "");
  }
}
