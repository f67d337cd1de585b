package io.stancestream.producer.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which JSON fields hold which article field. Each article field has a list of candidate paths
 * (dotted for nested objects, e.g. {@code source.name}); the first present, non-blank one wins. The
 * defaults cover the usual names (text/content/body, headline/title, date/published/publishedAt,
 * source/outlet/site, ...); {@code --map title=headline,body=content} puts the given paths first.
 */
public record FieldMapping(Map<String, List<String>> paths) {

  /** The article fields a mapping can name. */
  public static final Set<String> FIELDS =
      Set.of("url", "title", "body", "author", "publishedAt", "outlet", "language");

  public FieldMapping {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    paths.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    paths = Map.copyOf(copy);
  }

  public static FieldMapping defaults() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(
        "url", List.of("url", "canonicalUrl", "canonical_url", "canonical", "link", "href", "uri"));
    m.put("title", List.of("title", "headline", "name", "heading"));
    m.put(
        "body",
        List.of(
            "body",
            "text",
            "content",
            "articleBody",
            "article_body",
            "fullText",
            "full_text",
            "article",
            "content.text",
            "body.text"));
    m.put(
        "author", List.of("author", "authors", "byline", "creator", "author.name", "writer", "by"));
    m.put(
        "publishedAt",
        List.of(
            "publishedAt",
            "published_at",
            "published",
            "datePublished",
            "date_published",
            "pubDate",
            "date",
            "publicationDate",
            "publication_date",
            "created_at",
            "time",
            "timestamp"));
    m.put(
        "outlet",
        List.of(
            "outlet",
            "source.name",
            "source",
            "site",
            "siteName",
            "site_name",
            "publisher.name",
            "publisher",
            "publication",
            "domain"));
    m.put("language", List.of("language", "lang", "locale", "inLanguage"));
    return new FieldMapping(m);
  }

  /**
   * Defaults with {@code field=path} overrides placed first, e.g. {@code ["title=headline",
   * "body=content"]}.
   *
   * @throws IllegalArgumentException for an unknown field or a malformed entry
   */
  public static FieldMapping withOverrides(Map<String, String> overrides) {
    FieldMapping defaults = defaults();
    Map<String, List<String>> m = new LinkedHashMap<>(defaults.paths());
    overrides.forEach(
        (field, path) -> {
          String f = canonicalField(field);
          if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("--map " + field + "= needs a JSON field name");
          }
          List<String> list = new ArrayList<>();
          list.add(path.strip());
          list.addAll(m.get(f));
          m.put(f, list);
        });
    return new FieldMapping(m);
  }

  private static String canonicalField(String field) {
    for (String f : FIELDS) {
      if (f.equalsIgnoreCase(field.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown article field in --map: " + field + " (known: " + String.join(", ", FIELDS) + ")");
  }

  public List<String> pathsFor(String field) {
    return paths.getOrDefault(field, List.of());
  }
}
