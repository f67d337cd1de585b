package io.stancestream.producer.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The formats the producer reads, and how a document's format is told: the HTTP content type first,
 * then the file extension, then the content itself (a JSON bracket, an RSS/Atom root, HTML tags,
 * else plain text). Known binary types are unsupported rather than misread as text.
 */
public enum InputFormat {
  TEXT,
  HTML,
  JSON,
  JSONL,
  FEED,
  UNSUPPORTED;

  private static final Set<String> BINARY_EXTENSIONS =
      Set.of(
          "pdf", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "zip", "gz", "tgz", "bz2", "xz",
          "7z", "tar", "jar", "class", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "mp3",
          "mp4", "mov", "avi", "wav", "exe", "so", "dll", "bin", "parquet", "avro");

  /** Tells the format of a document from its content type, name and first bytes. */
  public static InputFormat detect(Document doc) {
    String head = head(doc.bytes());
    InputFormat byType = fromContentType(doc.contentType(), head);
    if (byType != null) {
      return byType;
    }
    String ext = extension(doc.name());
    switch (ext) {
      case "txt", "text", "md" -> {
        return TEXT;
      }
      case "html", "htm", "xhtml", "shtml" -> {
        return HTML;
      }
      case "json" -> {
        return looksLikeJsonLines(head) ? JSONL : JSON;
      }
      case "jsonl", "ndjson", "jsonlines" -> {
        return JSONL;
      }
      case "rss", "atom", "xml", "rdf" -> {
        return FeedParser.looksLikeFeed(head) ? FEED : sniff(head);
      }
      default -> {
        if (BINARY_EXTENSIONS.contains(ext)) {
          return UNSUPPORTED;
        }
      }
    }
    return sniff(head);
  }

  private static InputFormat fromContentType(String contentType, String head) {
    if (contentType == null) {
      return null;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    if (t.contains("ndjson") || t.contains("jsonl") || t.contains("json-seq")) {
      return JSONL;
    }
    if (t.contains("json")) {
      return looksLikeJsonLines(head) ? JSONL : JSON;
    }
    if (t.contains("rss") || t.contains("atom")) {
      return FEED;
    }
    if (t.contains("html")) {
      return HTML;
    }
    if (t.contains("xml")) {
      return FeedParser.looksLikeFeed(head) ? FEED : sniff(head);
    }
    if (t.startsWith("text/plain")) {
      return TEXT;
    }
    if (t.startsWith("image/")
        || t.startsWith("audio/")
        || t.startsWith("video/")
        || t.contains("pdf")
        || t.contains("zip")) {
      return UNSUPPORTED;
    }
    return null;
  }

  private static InputFormat sniff(String head) {
    String h = head.stripLeading();
    String lower = h.toLowerCase(Locale.ROOT);
    if (h.startsWith("{")) {
      return looksLikeJsonLines(head) ? JSONL : JSON;
    }
    if (h.startsWith("[")) {
      return JSON;
    }
    if (h.startsWith("<")) {
      if (FeedParser.looksLikeFeed(h)) {
        return FEED;
      }
      if (lower.startsWith("<!doctype html")
          || lower.contains("<html")
          || lower.contains("<body")
          || lower.contains("<p>")
          || lower.contains("<article")
          || lower.contains("<div")) {
        return HTML;
      }
    }
    return TEXT;
  }

  /** Two or more lines, each a whole JSON object. */
  private static boolean looksLikeJsonLines(String head) {
    String[] lines = head.strip().split("\\R");
    if (lines.length < 2) {
      return false;
    }
    int objects = 0;
    for (int i = 0; i < lines.length - 1; i++) { // the last line may be cut by the head limit
      String l = lines[i].strip();
      if (l.isEmpty()) {
        continue;
      }
      if (!(l.startsWith("{") && l.endsWith("}"))) {
        return false;
      }
      objects++;
    }
    return objects >= 1;
  }

  private static String head(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.UTF_8);
  }

  static String extension(String name) {
    if (name == null) {
      return "";
    }
    String n = name.toLowerCase(Locale.ROOT);
    int q = n.indexOf('?');
    if (q >= 0) {
      n = n.substring(0, q);
    }
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    int dot = n.lastIndexOf('.');
    return dot > slash ? n.substring(dot + 1) : "";
  }
}
