package io.stancestream.events.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic generator of poison {@code articles} records: every way a value on the input topic
 * can be broken that a live feed has shown or a fuzzer finds. Used by the poison fuzz test and by
 * {@code stancestream chaos}, which mixes them with valid articles and expects each one in the
 * dead-letter topic.
 *
 * <p>Each record is built by damaging a valid article from {@link ArticleGenerator}, so poison
 * looks like the real thing right up to the defect.
 */
public final class PoisonGenerator {

  /** The defect a poison record carries. */
  public enum Kind {
    /** Uniformly random bytes (mostly invalid UTF-8, sometimes valid text that is not JSON). */
    RANDOM_BYTES,
    /** A valid article's JSON cut off at a random point. */
    TRUNCATED_JSON,
    /** Arrays nested far deeper than the parser allows. */
    DEEPLY_NESTED_JSON,
    /** JSON that is not an object: an array, a string, a number. */
    NOT_AN_OBJECT,
    /** A field of the wrong type: body as an object, publishedAt as a word, id as an array. */
    WRONG_TYPE,
    /** No {@code id} field. */
    MISSING_ID,
    /** No {@code body} field. */
    MISSING_BODY,
    /** A body of only whitespace, or empty. */
    EMPTY_BODY,
    /** A 10 MB body. */
    HUGE_BODY,
    /** A valid article whose bytes were damaged into invalid UTF-8. */
    INVALID_UTF8,
    /** A control character (NUL, BEL, ESC, DEL, C1) inside a text field. */
    CONTROL_CHARACTERS,
    /** A {@code schemaVersion} from the future. */
    UNKNOWN_SCHEMA_VERSION,
    /** An empty value (zero bytes). */
    EMPTY_VALUE,
    /** No value at all (a tombstone). */
    NULL_VALUE
  }

  /** One poison record: its defect and the exact bytes to publish (null for a tombstone). */
  public record Poison(Kind kind, byte[] value) {}

  private static final int HUGE_BODY_CHARS = 10 * 1024 * 1024;

  private final SplittableRandom random;
  private final ArticleGenerator articles;

  public PoisonGenerator(long seed) {
    this.random = new SplittableRandom(seed);
    this.articles = new ArticleGenerator(seed ^ 0x5DEECE66DL);
  }

  /** A poison record of a kind drawn at random; {@link Kind#HUGE_BODY} only if {@code huge}. */
  public Poison next(int index, boolean huge) {
    Kind[] kinds = Kind.values();
    Kind kind;
    do {
      kind = kinds[random.nextInt(kinds.length)];
    } while (kind == Kind.HUGE_BODY && !huge);
    return of(kind, index);
  }

  /** A poison record of the given kind; {@code index} makes its id unique. */
  public Poison of(Kind kind, int index) {
    Article a =
        articles.article(
            index,
            articles.randomLean(),
            600 + random.nextInt(1500),
            java.time.Instant.parse("2025-06-01T00:00:00Z").plusSeconds(random.nextInt(86_400)));
    a = a.withId("poison-" + index);
    return new Poison(kind, bytes(kind, a));
  }

  private byte[] bytes(Kind kind, Article a) {
    return switch (kind) {
      case RANDOM_BYTES -> randomBytes(1 + random.nextInt(4096));
      case TRUNCATED_JSON -> {
        byte[] full = json(a);
        yield Arrays.copyOf(full, 1 + random.nextInt(full.length - 1));
      }
      case DEEPLY_NESTED_JSON -> deeplyNested(a);
      case NOT_AN_OBJECT ->
          utf8(
              switch (random.nextInt(4)) {
                case 0 -> "[" + new String(json(a), StandardCharsets.UTF_8) + "]";
                case 1 -> "\"" + a.title() + "\"";
                case 2 -> Integer.toString(random.nextInt());
                default -> "null";
              });
      case WRONG_TYPE -> wrongType(a);
      case MISSING_ID -> without(a, "id");
      case MISSING_BODY -> without(a, "body");
      case EMPTY_BODY -> json(a.withBody(random.nextBoolean() ? "" : " \n\t  \r\n "));
      case HUGE_BODY -> {
        char[] body = new char[HUGE_BODY_CHARS];
        Arrays.fill(body, 'x');
        yield json(a.withBody(new String(body)));
      }
      case INVALID_UTF8 -> invalidUtf8(a);
      case CONTROL_CHARACTERS -> controlCharacters(a);
      case UNKNOWN_SCHEMA_VERSION -> {
        ObjectNode node = tree(a);
        node.put("schemaVersion", Article.SCHEMA_VERSION + 1 + random.nextInt(1000));
        yield write(node);
      }
      case EMPTY_VALUE -> new byte[0];
      case NULL_VALUE -> null;
    };
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private byte[] deeplyNested(Article a) {
    int depth = 2_000 + random.nextInt(50_000);
    StringBuilder sb = new StringBuilder(depth * 2 + 64);
    sb.append("{\"id\":\"").append(a.id()).append("\",\"body\":");
    sb.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
    return utf8(sb.toString());
  }

  private byte[] wrongType(Article a) {
    ObjectNode node = tree(a);
    switch (random.nextInt(5)) {
      case 0 -> node.putObject("body").put("text", a.body());
      case 1 -> node.put("publishedAt", "last tuesday");
      case 2 -> node.putArray("id").add(a.id());
      case 3 -> node.put("schemaVersion", "one");
      default -> node.putArray("title").add(1).add(2);
    }
    return write(node);
  }

  private byte[] without(Article a, String field) {
    ObjectNode node = tree(a);
    node.remove(field);
    return write(node);
  }

  private byte[] invalidUtf8(Article a) {
    byte[] b = json(a);
    // Damage a byte inside the body (well after the leading fields), as a bad transcoder would.
    int at = b.length / 2 + random.nextInt(b.length / 2 - 1);
    byte[] bad = {(byte) 0xC3, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    b[at] = bad[random.nextInt(bad.length)];
    if (b[at] == (byte) 0xC3 || b[at] == (byte) 0xED) {
      // A lead byte followed by an ASCII byte is malformed whatever follows.
      b[at + 1] = (byte) 0x28;
    }
    return b;
  }

  private byte[] controlCharacters(Article a) {
    char[] controls = {'\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u0008', '\u000B'};
    char c = controls[random.nextInt(controls.length)];
    String body = a.body();
    int at = random.nextInt(body.length());
    return random.nextBoolean()
        ? json(a.withBody(body.substring(0, at) + c + body.substring(at)))
        : json(a.withTitle(a.title() + c));
  }

  private static ObjectNode tree(Article a) {
    return JsonSerde.MAPPER.valueToTree(a);
  }

  private static byte[] json(Article a) {
    return JsonSerde.of(Article.class).serialize("articles", a);
  }

  private static byte[] write(ObjectNode node) {
    try {
      return JsonSerde.MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
