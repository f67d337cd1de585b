package io.stancestream.producer.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.events.JsonSerde;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Reads articles from JSON (one object, an array of objects, or an object wrapping an array under
 * {@code articles}/{@code items}/{@code data}/{@code results}/{@code entries}, as news APIs do) and
 * from JSONL (one object per line). Fields are found through a {@link FieldMapping}. Locations are
 * {@code source:line}; a bad JSONL line is rejected on its own and the other lines still count.
 */
public final class JsonArticleParser {

  private static final List<String> WRAPPERS =
      List.of("articles", "items", "data", "results", "entries", "posts", "docs");

  private final FieldMapping mapping;

  public JsonArticleParser(FieldMapping mapping) {
    this.mapping = mapping;
  }

  /** A whole JSON document. */
  public List<Extracted> parseJson(String json, String location) {
    List<Extracted> out = new ArrayList<>();
    try (JsonParser parser = JsonSerde.MAPPER.createParser(json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        out.add(Extracted.failed(location, "empty JSON document"));
        return out;
      }
      if (token == JsonToken.START_ARRAY) {
        readArray(parser, location, out);
      } else if (token == JsonToken.START_OBJECT) {
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode node = JsonSerde.MAPPER.readTree(parser);
        JsonNode wrapped = text(node, "body") == null ? wrappedArray(node) : null;
        if (wrapped != null) {
          int i = 0;
          for (JsonNode item : wrapped) {
            out.add(fromNode(item, location + "[" + i++ + "]"));
          }
        } else {
          out.add(fromNode(node, location + ":" + line));
        }
      } else {
        out.add(Extracted.failed(location, "JSON must be an object or an array of objects"));
      }
      if (parser.nextToken() != null) {
        out.add(
            Extracted.failed(
                location + ":" + parser.currentTokenLocation().getLineNr(),
                "unexpected content after the JSON value (is this JSONL? name it .jsonl)"));
      }
    } catch (JsonProcessingException e) {
      out.add(
          Extracted.failed(
              location + ":" + e.getLocation().getLineNr(), "invalid JSON: " + jsonProblem(e)));
    } catch (IOException e) {
      out.add(Extracted.failed(location, "cannot read JSON: " + e.getMessage()));
    }
    return out;
  }

  private void readArray(JsonParser parser, String location, List<Extracted> out)
      throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode node = JsonSerde.MAPPER.readTree(parser);
      out.add(fromNode(node, location + ":" + line));
    }
  }

  private static JsonNode wrappedArray(JsonNode node) {
    for (String name : WRAPPERS) {
      JsonNode candidate = node.get(name);
      if (candidate != null
          && candidate.isArray()
          && !candidate.isEmpty()
          && candidate.get(0).isObject()) {
        return candidate;
      }
    }
    return null;
  }

  /** One JSONL line (already decoded); {@code location} names file and line. */
  public Extracted parseLine(String line, String location) {
    try {
      return fromNode(JsonSerde.MAPPER.readTree(line), location);
    } catch (JsonProcessingException e) {
      return Extracted.failed(location, "invalid JSON: " + jsonProblem(e));
    }
  }

  /** Jackson's message without its source-location suffix (the location is ours). */
  static String jsonProblem(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int cut = m.indexOf(" (start marker at");
    if (cut < 0) {
      cut = m.indexOf("\n");
    }
    return cut < 0 ? m : m.substring(0, cut);
  }

  /** The article a JSON object describes. */
  public Extracted fromNode(JsonNode node, String location) {
    if (node == null || !node.isObject()) {
      return Extracted.failed(
          location,
          "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
    }
    return Extracted.of(
        new RawArticle(
            location,
            text(node, "url"),
            text(node, "title"),
            text(node, "outlet"),
            text(node, "author"),
            text(node, "publishedAt"),
            text(node, "language"),
            text(node, "body")));
  }

  private String text(JsonNode node, String field) {
    for (String path : mapping.pathsFor(field)) {
      String value = asText(at(node, path));
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      if (current == null || !current.isObject()) {
        return null;
      }
      current = current.get(part);
    }
    return current;
  }

  /** Strings and numbers as text; objects by their name; arrays joined with ", ". */
  private static String asText(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    if (value.isObject()) {
      for (String name : List.of("name", "text", "value", "title")) {
        if (value.hasNonNull(name) && value.get(name).isValueNode()) {
          return value.get(name).asText();
        }
      }
      return null;
    }
    StringJoiner joined = new StringJoiner(", ");
    for (JsonNode item : value) {
      String s = asText(item);
      if (s != null && !s.isBlank()) {
        joined.add(s);
      }
    }
    return joined.length() == 0 ? null : joined.toString();
  }
}
