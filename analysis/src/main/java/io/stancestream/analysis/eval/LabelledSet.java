package io.stancestream.analysis.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stancestream.analysis.StanceLabel;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a labelled JSONL file; every problem is reported with its line number. */
public final class LabelledSet {

  /** A file that cannot be used for evaluation; the message names the file and line. */
  public static final class InvalidInputException extends Exception {
    public InvalidInputException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private LabelledSet() {}

  /**
   * Reads every non-blank line of {@code file}; requires id, text and a FAVOR/AGAINST/NEUTRAL
   * label.
   */
  public static List<LabelledArticle> read(Path file) throws InvalidInputException {
    List<LabelledArticle> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        LabelledArticle a = parse(file, no, line);
        if (!ids.add(a.id())) {
          throw new InvalidInputException(where(file, no) + "duplicate id '" + a.id() + "'");
        }
        out.add(a);
      }
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("file not found: " + file);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new InvalidInputException(file + ": no labelled items");
    }
    return out;
  }

  private static LabelledArticle parse(Path file, int no, String line)
      throws InvalidInputException {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          where(file, no) + "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(where(file, no) + "expected a JSON object");
    }
    String id = text(node, "id");
    String body = text(node, "text");
    String label = text(node, "label");
    if (id == null || id.isBlank()) {
      throw new InvalidInputException(where(file, no) + "missing string field 'id'");
    }
    if (body == null) {
      throw new InvalidInputException(where(file, no) + "missing string field 'text'");
    }
    if (label == null) {
      throw new InvalidInputException(where(file, no) + "missing string field 'label'");
    }
    StanceLabel parsed;
    try {
      parsed = StanceLabel.valueOf(label.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          where(file, no) + "label must be FAVOR, AGAINST or NEUTRAL, got '" + label + "'");
    }
    return new LabelledArticle(id, text(node, "title"), body, parsed);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() ? null : v.asText();
  }

  private static String where(Path file, int line) {
    return file + " line " + line + ": ";
  }
}
