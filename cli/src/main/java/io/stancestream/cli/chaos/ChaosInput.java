package io.stancestream.cli.chaos;

import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.generate.ArticleGenerator;
import io.stancestream.events.generate.PoisonGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The records a chaos run publishes to {@code articles}, decided up front from the seed: realistic
 * articles in event-time order, with poison records and re-published articles mixed in at the given
 * rates. Bytes are made lazily ({@link #record(int)}) so a 20,000-article run does not hold every
 * body in memory.
 *
 * <p>Articles are spread {@link #SPACING} apart in event time, starting at {@code start}. A
 * re-published article repeats one of the last few hundred articles, half of the time with its text
 * changed (the first version must win).
 */
public final class ChaosInput {

  /** Event-time distance between consecutive articles. */
  public static final Duration SPACING = Duration.ofSeconds(5);

  /** What a slot publishes. */
  public enum Kind {
    ARTICLE,
    REPUBLISHED,
    POISON
  }

  /** One record to publish: its key and value (null for a tombstone). */
  public record InputRecord(Kind kind, String key, byte[] value, Article article) {}

  private record Slot(Kind kind, int index, int original, boolean changed) {}

  private static final int REPUBLISH_REACH = 300;
  private static final JsonSerde<Article> SERDE = JsonSerde.of(Article.class);

  private final List<Slot> slots;
  private final int articles;
  private final Instant start;
  private final long seed;
  private final ArticleGenerator generator;
  private final PoisonGenerator poison;
  private final SplittableRandom random;
  private final Article[] recent = new Article[REPUBLISH_REACH];

  /**
   * @param articles distinct valid articles
   * @param poisonRate poison records per article (e.g. 0.02)
   * @param republishRate re-published copies per article (e.g. 0.03)
   * @param start event time of the first article
   */
  public ChaosInput(
      int articles, double poisonRate, double republishRate, Instant start, long seed) {
    this.articles = articles;
    this.start = start;
    this.seed = seed;
    this.generator = new ArticleGenerator(seed);
    this.poison = new PoisonGenerator(seed + 1);
    this.random = new SplittableRandom(seed + 2);
    SplittableRandom plan = new SplittableRandom(seed + 3);
    List<Slot> s = new ArrayList<>();
    int poisons = 0;
    for (int i = 0; i < articles; i++) {
      if (plan.nextDouble() < poisonRate) {
        s.add(new Slot(Kind.POISON, poisons++, -1, false));
      }
      if (i > 0 && plan.nextDouble() < republishRate) {
        int back = 1 + plan.nextInt(Math.min(i, REPUBLISH_REACH - 1));
        s.add(new Slot(Kind.REPUBLISHED, i, i - back, plan.nextBoolean()));
      }
      s.add(new Slot(Kind.ARTICLE, i, i, false));
    }
    this.slots = List.copyOf(s);
  }

  /** Records to publish, articles, poison and re-published together. */
  public int size() {
    return slots.size();
  }

  public int articles() {
    return articles;
  }

  public long poisonCount() {
    return slots.stream().filter(s -> s.kind() == Kind.POISON).count();
  }

  public long republishedCount() {
    return slots.stream().filter(s -> s.kind() == Kind.REPUBLISHED).count();
  }

  /** Event time of the last article. */
  public Instant end() {
    return publishedAt(articles - 1);
  }

  /**
   * The record of slot {@code i}. Must be called in slot order (0, 1, 2, ...): re-published
   * articles repeat earlier ones.
   */
  public InputRecord record(int i) {
    Slot slot = slots.get(i);
    return switch (slot.kind()) {
      case ARTICLE -> {
        int length = 1_200 + random.nextInt(4_000);
        Article a =
            generator.article(
                slot.index(), generator.randomLean(), length, publishedAt(slot.index()));
        recent[slot.index() % REPUBLISH_REACH] = a;
        yield new InputRecord(Kind.ARTICLE, a.id(), SERDE.serialize("articles", a), a);
      }
      case REPUBLISHED -> {
        Article original = recent[slot.original() % REPUBLISH_REACH];
        Article copy = slot.changed() ? corrected(original) : original;
        yield new InputRecord(Kind.REPUBLISHED, copy.id(), SERDE.serialize("articles", copy), copy);
      }
      case POISON -> {
        PoisonGenerator.Poison p = poison.next(slot.index(), false);
        yield new InputRecord(Kind.POISON, "poison-" + seed + "-" + slot.index(), p.value(), null);
      }
    };
  }

  private Instant publishedAt(int index) {
    long spacing = SPACING.toMillis();
    return start.plusMillis(index * spacing + random(index) % spacing);
  }

  /** A per-index jitter that does not depend on call order. */
  private long random(int index) {
    return Math.floorMod(new SplittableRandom(seed * 31 + index).nextLong(), Long.MAX_VALUE);
  }

  private static Article corrected(Article a) {
    String body =
        a.body()
            + "\n\nCorrection: an earlier version of this article misstated the date of the"
            + " summit.\n";
    return a.withBody(body);
  }
}
