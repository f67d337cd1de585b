package io.stancestream.producer.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.events.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads a news web page with jsoup: metadata from JSON-LD ({@code NewsArticle} and friends), Open
 * Graph and {@code <meta>} tags, and the main text with navigation, ads, share bars, author bios,
 * captions, related links and comments dropped. The body is the article's paragraphs, headings,
 * list items and quotes, one block per paragraph separated by a blank line.
 */
public final class HtmlArticleParser {

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "blogposting",
          "reportagenewsarticle",
          "opinionnewsarticle",
          "analysisnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "socialmediaposting",
          "liveblogposting");

  /** Class or id tokens of page furniture that is never article text. */
  private static final Pattern BOILERPLATE_TOKEN =
      Pattern.compile(
          "(?:^|[-_\\s])(?:nav|navbar|navigation|menu|share|shares|sharing|social|comment|comments"
              + "|disqus|related|recommended|recirc|more-stories|newsletter|subscribe|subscription"
              + "|advert|advertisement|ads?|adslot|ad-slot|dfp|sponsor|sponsored|promo|banner|cookie"
              + "|consent|gdpr|popup|modal|sidebar|breadcrumb|breadcrumbs|footer|masthead|bio|author-bio"
              + "|author-info|about-author|byline|tags|tag-list|pagination|paywall|signup|toolbar"
              + "|print|caption|credit|skip-link|visually-hidden|sr-only|trending|most-read)(?:$|[-_\\s])");

  private static final Pattern BOILERPLATE_TEXT =
      Pattern.compile(
          "^(?:advertisement|ad|sponsored|share( this( article)?)?|read more.*|continue reading.*"
              + "|sign up.*|subscribe.*|related:?.*|listen to this article.*|print|save|comments?)$",
          Pattern.CASE_INSENSITIVE);

  /** Parses {@code html}; relative links resolve against {@code baseUri} (may be null). */
  public RawArticle parse(String html, String location, String baseUri) {
    Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
    JsonNode ld = articleJsonLd(doc);
    String siteName =
        first(meta(doc, "og:site_name"), ldText(ld, "publisher"), meta(doc, "application-name"));
    String url =
        first(
            attr(doc, "link[rel=canonical]", "abs:href"),
            meta(doc, "og:url"),
            ldText(ld, "url"),
            ldText(ld, "mainEntityOfPage"),
            baseUri);
    String title =
        first(
            ldText(ld, "headline"),
            meta(doc, "og:title"),
            meta(doc, "twitter:title"),
            meta(doc, "title"),
            text(doc.selectFirst("h1")),
            stripSiteSuffix(doc.title(), siteName));
    String author =
        first(
            ldText(ld, "author"),
            meta(doc, "author"),
            nonUrl(meta(doc, "article:author")),
            meta(doc, "parsely-author"),
            meta(doc, "dc.creator"),
            text(doc.selectFirst("[itemprop=author] [itemprop=name]")),
            text(doc.selectFirst("[itemprop=author]")),
            text(doc.selectFirst("a[rel=author]")),
            byline(doc));
    String date =
        first(
            ldText(ld, "datePublished"),
            meta(doc, "article:published_time"),
            meta(doc, "og:published_time"),
            meta(doc, "datePublished"),
            meta(doc, "pubdate"),
            meta(doc, "publishdate"),
            meta(doc, "publish-date"),
            meta(doc, "parsely-pub-date"),
            meta(doc, "sailthru.date"),
            meta(doc, "dc.date"),
            meta(doc, "dcterms.date"),
            meta(doc, "date"),
            attr(doc, "[itemprop=datePublished]", "content"),
            attr(doc, "time[datetime]", "datetime"),
            ldText(ld, "dateCreated"),
            ldText(ld, "dateModified"));
    String language =
        first(
            ldText(ld, "inLanguage"),
            attr(doc, "html[lang]", "lang"),
            meta(doc, "og:locale"),
            meta(doc, "language"));
    String body = mainText(doc);
    if (body.isBlank() && ld != null) {
      body = first(ldText(ld, "articleBody"), "");
    }
    return new RawArticle(location, url, title, siteName, author, date, language, body);
  }

  // ---- metadata ----

  private static JsonNode articleJsonLd(Document doc) {
    JsonNode fallback = null;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JsonSerde.MAPPER.readTree(script.data());
      } catch (Exception e) {
        continue; // broken JSON-LD is common; the other sources still apply
      }
      List<JsonNode> nodes = new ArrayList<>();
      collect(root, nodes);
      for (JsonNode node : nodes) {
        if (isArticleType(node.get("@type"))) {
          return node;
        }
        if (fallback == null && node.has("headline")) {
          fallback = node;
        }
      }
    }
    return fallback;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else if (node.isObject()) {
      out.add(node);
      collect(node.get("@graph"), out);
    }
  }

  private static boolean isArticleType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticleType(t)) {
          return true;
        }
      }
      return false;
    }
    return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
  }

  /** A JSON-LD value as text: strings, an object's name/@id, or array items joined by ", ". */
  private static String ldText(JsonNode ld, String field) {
    return ld == null ? null : ldValue(ld.get(field));
  }

  private static String ldValue(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isValueNode()) {
      return blankToNull(Jsoup.parse(v.asText()).text());
    }
    if (v.isObject()) {
      return first(ldValue(v.get("name")), ldValue(v.get("@id")), ldValue(v.get("url")));
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode item : v) {
      String s = ldValue(item);
      if (s != null) {
        parts.add(s);
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  private static String meta(Document doc, String name) {
    for (Element m : doc.select("meta[content]")) {
      String key = first(m.attr("property"), m.attr("name"), m.attr("itemprop"));
      if (key != null && key.equalsIgnoreCase(name)) {
        String v = blankToNull(m.attr("content"));
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  private static String attr(Document doc, String css, String attribute) {
    Element e = doc.selectFirst(css);
    return e == null ? null : blankToNull(e.attr(attribute));
  }

  private static String text(Element e) {
    return e == null ? null : blankToNull(e.text());
  }

  private static String byline(Document doc) {
    for (Element e : doc.select(".byline, .author, .article-author, [class*=byline]")) {
      String t = e.text().strip();
      if (t.regionMatches(true, 0, "By ", 0, 3)) {
        t = t.substring(3).strip();
      }
      if (!t.isEmpty() && t.length() < 100) {
        return t;
      }
    }
    return null;
  }

  private static String nonUrl(String s) {
    return s == null || s.startsWith("http://") || s.startsWith("https://") ? null : s;
  }

  private static String stripSiteSuffix(String title, String siteName) {
    String t = blankToNull(title);
    if (t == null) {
      return null;
    }
    for (String sep : List.of(" | ", " - ", " – ", " — ", " :: ")) {
      int i = t.lastIndexOf(sep);
      if (i > 0
          && (siteName == null
              || t.substring(i + sep.length()).strip().equalsIgnoreCase(siteName))) {
        return t.substring(0, i).strip();
      }
    }
    return t;
  }

  /** The readable text of an HTML fragment (a feed item's content), one block per paragraph. */
  public static String fragmentText(String html) {
    return mainText(Jsoup.parseBodyFragment(html));
  }

  // ---- main text ----

  private static String mainText(Document original) {
    Document doc = original.clone();
    doc.select(
            "script, style, noscript, template, iframe, svg, canvas, form, button, input, select,"
                + " nav, header, footer, aside, figcaption, dialog, [hidden],"
                + " [role=navigation], [role=banner], [role=contentinfo], [role=complementary],"
                + " [role=dialog], [aria-hidden=true]")
        .remove();
    for (Element e : doc.getAllElements()) {
      if (e.parent() != null && isBoilerplate(e)) {
        e.remove();
      }
    }
    Element container = container(doc);
    List<String> blocks = new ArrayList<>();
    for (Element e : container.select("p, h2, h3, h4, li, blockquote, pre")) {
      if (hasBlockAncestorWithin(e, container)) {
        continue;
      }
      String text = e.text().strip();
      if (text.isEmpty() || BOILERPLATE_TEXT.matcher(text).matches() || isLinkList(e, text)) {
        continue;
      }
      blocks.add(text);
    }
    if (blocks.isEmpty()) {
      String all = container.text().strip();
      return all;
    }
    return String.join("\n\n", blocks);
  }

  private static boolean isBoilerplate(Element e) {
    String tag = e.normalName();
    if (tag.equals("html")
        || tag.equals("body")
        || tag.equals("main")
        || tag.equals("article")
        || e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      return false;
    }
    String tokens = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).strip();
    return !tokens.isEmpty() && BOILERPLATE_TOKEN.matcher(tokens).find();
  }

  private static Element container(Document doc) {
    Element body = doc.selectFirst("[itemprop=articleBody]");
    if (body != null) {
      return body;
    }
    Element best = null;
    int bestScore = 0;
    for (Element candidate : doc.select("article, main, [role=main], div, section")) {
      int score = 0;
      for (Element p : candidate.children()) {
        if (p.normalName().equals("p")) {
          score += p.text().length();
        }
      }
      if (candidate.normalName().equals("article") || candidate.normalName().equals("main")) {
        score += paragraphText(candidate) / 2;
      }
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best != null ? best : doc.body() != null ? doc.body() : doc;
  }

  private static int paragraphText(Element e) {
    int n = 0;
    for (Element p : e.select("p")) {
      n += p.text().length();
    }
    return n;
  }

  private static boolean hasBlockAncestorWithin(Element e, Element container) {
    for (Element a = e.parent(); a != null && a != container; a = a.parent()) {
      switch (a.normalName()) {
        case "p", "li", "blockquote", "pre" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  /** Lists and paragraphs that are mostly links (menus, "related" lists, tag clouds). */
  private static boolean isLinkList(Element e, String text) {
    Elements links = e.select("a");
    if (links.isEmpty()) {
      return false;
    }
    int linkChars = 0;
    for (Element a : links) {
      linkChars += a.text().length();
    }
    return linkChars > text.length() * 0.6 && (text.length() < 200 || e.normalName().equals("li"));
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
