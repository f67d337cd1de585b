package io.stancestream.streams.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the raw bytes of an {@code articles} record into an {@link Article} or a precise reason for
 * rejecting it. Pure: no Kafka, no clock, so every rule is unit-testable.
 *
 * <p>Checks, in order: a value is present; the bytes are UTF-8; they are JSON within the parser's
 * limits; the JSON is an object; {@code schemaVersion} (absent or 0 read as 1) is one this code
 * understands; fields have their types; {@code id} and {@code body} are present, the body not blank
 * and not longer than the limit; no text field holds control characters or unpaired surrogates.
 * Unknown fields are ignored, so newer producers stay readable.
 */
public final class ArticleParser {

  /** The outcome of parsing one record. */
  public sealed interface Result permits Accepted, Rejected {}

  /** A valid article, normalised to the current schema version. */
  public record Accepted(Article article) implements Result {}

  /** A rejected record with its reason and a human-readable detail. */
  public record Rejected(RejectReason reason, String detail) implements Result {}

  /** Rejects trailing garbage after the document ({@code {...} xyz}), unlike the default. */
  private static final ObjectReader STRICT_TREE_READER =
      JsonSerde.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final int maxBodyChars;

  public ArticleParser(int maxBodyChars) {
    if (maxBodyChars < 1) {
      throw new IllegalArgumentException("article.max.body.chars must be >= 1: " + maxBodyChars);
    }
    this.maxBodyChars = maxBodyChars;
  }

  public Result parse(byte[] value) {
    if (value == null) {
      return reject(RejectReason.NULL_VALUE, "the record has no value (tombstone)");
    }
    // A UTF-8 char is at most 4 bytes: anything far beyond that bound cannot hold a legal body.
    long byteLimit = 4L * maxBodyChars + 1_048_576L;
    if (value.length > byteLimit) {
      return reject(
          RejectReason.BODY_TOO_LARGE,
          "record of "
              + value.length
              + " bytes cannot hold a body within "
              + maxBodyChars
              + " chars");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      return reject(RejectReason.INVALID_UTF8, "the value is not valid UTF-8: " + e);
    }
    JsonNode node;
    try {
      node = STRICT_TREE_READER.readTree(text);
    } catch (StreamConstraintsException e) {
      return reject(RejectReason.JSON_LIMITS_EXCEEDED, e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      return reject(RejectReason.INVALID_JSON, e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      return reject(RejectReason.INVALID_JSON, "the value holds no JSON document");
    }
    if (!node.isObject()) {
      return reject(
          RejectReason.NOT_AN_OBJECT,
          "expected a JSON object, got " + node.getNodeType().toString().toLowerCase());
    }
    JsonNode version = node.get("schemaVersion");
    if (version != null && !version.isNull()) {
      if (!version.isIntegralNumber() || !version.canConvertToInt()) {
        return reject(RejectReason.WRONG_TYPE, "schemaVersion must be a whole number: " + version);
      }
      int v = version.intValue();
      if (v > Article.SCHEMA_VERSION || v < 0) {
        return reject(
            RejectReason.UNSUPPORTED_SCHEMA_VERSION,
            "schemaVersion "
                + v
                + " is not supported (this application reads up to "
                + Article.SCHEMA_VERSION
                + ")");
      }
    }
    Article a;
    try {
      a = JsonSerde.MAPPER.treeToValue(node, Article.class);
    } catch (JsonProcessingException e) {
      return reject(RejectReason.WRONG_TYPE, e.getOriginalMessage() + pathOf(e));
    } catch (RuntimeException e) {
      return reject(RejectReason.WRONG_TYPE, String.valueOf(e.getMessage()));
    }
    return check(a);
  }

  private Result check(Article a) {
    if (a.id() == null || a.id().isBlank()) {
      return reject(RejectReason.MISSING_ID, "the article has no id");
    }
    if (a.body() == null) {
      return reject(RejectReason.MISSING_BODY, "the article has no body");
    }
    if (a.body().isBlank()) {
      return reject(RejectReason.EMPTY_BODY, "the body is empty or only whitespace");
    }
    if (a.body().length() > maxBodyChars) {
      return reject(
          RejectReason.BODY_TOO_LARGE,
          "body of " + a.body().length() + " chars exceeds article.max.body.chars=" + maxBodyChars);
    }
    String[][] fields = {
      {"id", a.id()}, {"url", a.url()}, {"title", a.title()}, {"outlet", a.outlet()},
      {"author", a.author()}, {"language", a.language()}, {"source", a.source()}, {"body", a.body()}
    };
    for (String[] field : fields) {
      Result bad = checkCharacters(field[0], field[1]);
      if (bad != null) {
        return bad;
      }
    }
    Article normalised =
        a.schemaVersion() == Article.SCHEMA_VERSION
            ? a
            : a.withSchemaVersion(Article.SCHEMA_VERSION);
    return new Accepted(normalised);
  }

  private static Result checkCharacters(String field, String value) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          return reject(
              RejectReason.INVALID_UTF8, "unpaired surrogate in " + field + " at char " + i);
        }
        i++;
      } else if (isControl(c)) {
        return reject(
            RejectReason.CONTROL_CHARACTERS,
            String.format("control character U+%04X in %s at char %d", (int) c, field, i));
      }
    }
    return null;
  }

  private static boolean isControl(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
  }

  private static String pathOf(JsonProcessingException e) {
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return " (at " + m.getPathReference() + ")";
    }
    return "";
  }

  private static Rejected reject(RejectReason reason, String detail) {
    return new Rejected(reason, detail);
  }
}
