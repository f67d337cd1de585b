package io.stancestream.producer.parse;

import io.stancestream.producer.source.PageFetcher;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The parse step: turns one {@link Document} into the raw articles it holds, whatever its format.
 * Decoding is strict (see {@link TextDecoding}); a JSONL file is decoded line by line so one bad
 * line is rejected alone. Locations are {@code source:line} where a line is meaningful.
 */
public final class DocumentParser {

  private final ScrapeTextParser text = new ScrapeTextParser();
  private final HtmlArticleParser html = new HtmlArticleParser();
  private final JsonArticleParser json;
  private final FeedParser feeds;

  public DocumentParser(FieldMapping mapping, PageFetcher fetcher, int feedMinFullTextChars) {
    this.json = new JsonArticleParser(mapping);
    this.feeds = new FeedParser(fetcher, feedMinFullTextChars);
  }

  public FeedParser feeds() {
    return feeds;
  }

  /** Every article in the document, or the reasons it cannot be read. */
  public List<Extracted> parse(Document doc) {
    InputFormat format = InputFormat.detect(doc);
    if (format == InputFormat.UNSUPPORTED || TextDecoding.looksBinary(doc.bytes())) {
      return List.of(
          Extracted.failed(
              doc.location(),
              "unsupported input (binary or not an article format"
                  + (doc.contentType() != null ? ", content type " + doc.contentType() : "")
                  + ")"));
    }
    if (format == InputFormat.FEED) {
      return feeds.parse(doc.bytes(), doc.location(), doc.baseUri());
    }
    if (format == InputFormat.JSONL) {
      return jsonLines(doc);
    }
    String decoded;
    try {
      decoded = TextDecoding.decode(doc.bytes(), charsetFor(doc, format));
    } catch (TextDecoding.UndecodableException e) {
      return List.of(Extracted.failed(doc.location() + ":" + e.line(), e.getMessage()));
    }
    String base = doc.baseUri() == null ? null : doc.baseUri().toString();
    return switch (format) {
      case HTML -> List.of(Extracted.of(html.parse(decoded, doc.location(), base)));
      case JSON -> json.parseJson(decoded, doc.location());
      default -> {
        RawArticle article = text.parse(decoded, doc.location());
        yield List.of(Extracted.of(base == null ? article : withUrl(article, base)));
      }
    };
  }

  private List<Extracted> jsonLines(Document doc) {
    List<Extracted> out = new ArrayList<>();
    byte[] b = doc.bytes();
    int lineNo = 0;
    int start = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == '\n') {
        lineNo++;
        byte[] line = java.util.Arrays.copyOfRange(b, start, i);
        start = i + 1;
        String location = doc.location() + ":" + lineNo;
        String decoded;
        try {
          decoded = TextDecoding.decode(line, StandardCharsets.UTF_8);
        } catch (TextDecoding.UndecodableException e) {
          out.add(Extracted.failed(location, e.getMessage().replace("at line 1, ", "at ")));
          continue;
        }
        if (!decoded.isBlank()) {
          out.add(json.parseLine(decoded, location));
        }
      }
    }
    if (out.isEmpty()) {
      out.add(Extracted.failed(doc.location(), "empty JSONL input: no lines"));
    }
    return out;
  }

  /** The charset an HTTP header or an HTML meta tag declares; null means UTF-8 (or a BOM's). */
  private static Charset charsetFor(Document doc, InputFormat format) {
    Charset declared = charsetOf(doc.contentType());
    if (declared != null || format != InputFormat.HTML) {
      return declared;
    }
    // Meta tags are ASCII, so reading the head as Latin-1 finds them without guessing the charset.
    String head =
        new String(doc.bytes(), 0, Math.min(doc.bytes().length, 4096), StandardCharsets.ISO_8859_1);
    org.jsoup.nodes.Document d = Jsoup.parse(head);
    Element meta = d.selectFirst("meta[charset]");
    if (meta != null) {
      return charsetNamed(meta.attr("charset"));
    }
    for (Element m : d.select("meta[http-equiv][content]")) {
      if (m.attr("http-equiv").equalsIgnoreCase("content-type")) {
        return charsetOf(m.attr("content"));
      }
    }
    return null;
  }

  private static Charset charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return charsetNamed(p.substring(8));
      }
    }
    return null;
  }

  private static Charset charsetNamed(String name) {
    try {
      return Charset.forName(name.replace("\"", "").strip());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static RawArticle withUrl(RawArticle a, String url) {
    return new RawArticle(
        a.location(),
        url,
        a.title(),
        a.outlet(),
        a.author(),
        a.publishedAt(),
        a.language(),
        a.body());
  }
}
