package io.stancestream.producer.parse;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.stancestream.producer.source.FetchResult;
import io.stancestream.producer.source.PageFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSS 2.0, RSS 1.0 and Atom feeds with Rome. An item whose content (or description) holds the
 * full text is read from the feed; an item with only a summary is followed to its link, fetched
 * over HTTP and read as a web page, with the item's title, date and author kept where the page
 * lacks them. An item whose page cannot be fetched is rejected with the URL and HTTP status.
 */
public final class FeedParser {

  /**
   * One feed item: a stable key for "seen before" checks and a reader that parses it (fetching its
   * page when needed) only when called, so a poller skips items it has already seen for free.
   */
  public record Item(String key, Supplier<Extracted> reader) {

    public Extracted extracted() {
      return reader.get();
    }
  }

  private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

  private final PageFetcher fetcher;
  private final HtmlArticleParser html = new HtmlArticleParser();
  private final int minFullTextChars;

  /**
   * @param fetcher fetches linked pages; null to never follow links (items with only a summary are
   *     then rejected)
   * @param minFullTextChars content shorter than this counts as a summary
   */
  public FeedParser(PageFetcher fetcher, int minFullTextChars) {
    this.fetcher = fetcher;
    this.minFullTextChars = minFullTextChars;
  }

  /** True when the bytes start like a feed document (RSS, RDF or Atom root element). */
  public static boolean looksLikeFeed(String head) {
    String h = head.length() > 2048 ? head.substring(0, 2048) : head;
    return h.contains("<rss") || h.contains("<feed") || h.contains("<rdf:RDF");
  }

  /** Parses the feed and returns its items; the whole feed failing gives one failed item. */
  public List<Item> items(byte[] bytes, String location, URI base) {
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      Extracted failed = Extracted.failed(location, "invalid feed: " + e.getMessage());
      return List.of(new Item(location, () -> failed));
    }
    List<Item> out = new ArrayList<>();
    int index = 0;
    for (SyndEntry entry : feed.getEntries()) {
      index++;
      String link = resolve(base, feed.getLink(), first(entry.getLink(), httpUri(entry.getUri())));
      String key = first(entry.getUri(), link, location + "#item-" + index);
      String itemLocation = link != null ? link : location + " item " + index;
      out.add(new Item(key, () -> read(feed, entry, link, itemLocation)));
    }
    return out;
  }

  /** Parses every item now (following links as needed). */
  public List<Extracted> parse(byte[] bytes, String location, URI base) {
    List<Extracted> out = new ArrayList<>();
    for (Item item : items(bytes, location, base)) {
      out.add(item.extracted());
    }
    return out;
  }

  private Extracted read(SyndFeed feed, SyndEntry entry, String link, String location) {
    String contentHtml = contents(entry);
    String content = contentHtml == null ? "" : HtmlArticleParser.fragmentText(contentHtml);
    String summaryHtml = entry.getDescription() == null ? null : entry.getDescription().getValue();
    String summary = summaryHtml == null ? "" : HtmlArticleParser.fragmentText(summaryHtml);
    String fullText =
        content.length() >= minFullTextChars
            ? content
            : summary.length() >= minFullTextChars ? summary : null;
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    RawArticle fromItem =
        new RawArticle(
            location,
            link,
            blankToNull(entry.getTitle()),
            null,
            author(entry),
            date == null ? null : date.toInstant().toString(),
            blankToNull(feed.getLanguage()),
            fullText);
    String feedOutlet = blankToNull(feed.getTitle());
    if (fullText != null) {
      return Extracted.of(
          fromItem.orElse(
              new RawArticle(location, null, null, feedOutlet, null, null, null, null)));
    }
    if (link == null) {
      return Extracted.failed(location, "feed item has only a summary and no link to follow");
    }
    if (fetcher == null) {
      return Extracted.failed(location, "feed item has only a summary and link fetching is off");
    }
    try {
      FetchResult page = fetcher.fetch(URI.create(link));
      if (!page.ok()) {
        return Extracted.failed(
            location,
            "feed item has only a summary and fetching " + link + " gave HTTP " + page.status());
      }
      String pageHtml = TextDecoding.decode(page.body(), page.charset());
      RawArticle fromPage = html.parse(pageHtml, location, page.finalUri().toString());
      // The item's own metadata is what the publisher syndicated; the page fills the gaps, except
      // the canonical URL, which the page knows best.
      RawArticle merged =
          new RawArticle(
                  location,
                  first(fromPage.url(), link),
                  fromItem.title(),
                  fromPage.outlet(),
                  fromItem.author(),
                  fromItem.publishedAt(),
                  fromItem.language(),
                  fromPage.body())
              .orElse(fromPage)
              .orElse(new RawArticle(location, null, null, feedOutlet, null, null, null, null));
      return Extracted.of(merged);
    } catch (TextDecoding.UndecodableException e) {
      return Extracted.failed(location, "page " + link + ": " + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      return Extracted.failed(location, "cannot fetch " + link + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Extracted.failed(location, "interrupted while fetching " + link);
    }
  }

  private static String contents(SyndEntry entry) {
    if (entry.getContents() == null || entry.getContents().isEmpty()) {
      return null;
    }
    StringJoiner all = new StringJoiner("\n");
    for (SyndContent c : entry.getContents()) {
      if (c.getValue() != null) {
        all.add(c.getValue());
      }
    }
    return all.toString();
  }

  private static String author(SyndEntry entry) {
    if (entry.getAuthors() != null && !entry.getAuthors().isEmpty()) {
      StringJoiner names = new StringJoiner(", ");
      for (SyndPerson p : entry.getAuthors()) {
        if (p.getName() != null && !p.getName().isBlank()) {
          names.add(p.getName().strip());
        }
      }
      if (names.length() > 0) {
        return names.toString();
      }
    }
    return rssAuthor(blankToNull(entry.getAuthor()));
  }

  /** RSS 2.0 writes authors as {@code email (Name)}: keep the name. */
  private static String rssAuthor(String author) {
    if (author == null) {
      return null;
    }
    Matcher m = EMAIL_WITH_NAME.matcher(author);
    return m.matches() ? m.group(1).strip() : author;
  }

  private static String resolve(URI base, String feedLink, String link) {
    if (link == null) {
      return null;
    }
    try {
      URI uri = URI.create(link.strip());
      if (uri.isAbsolute()) {
        return uri.toString();
      }
      URI against = base != null ? base : feedLink != null ? URI.create(feedLink) : null;
      return against == null ? link : against.resolve(uri).toString();
    } catch (IllegalArgumentException e) {
      return link;
    }
  }

  private static String httpUri(String uri) {
    return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  private static String first(String a, String b, String c) {
    return first(first(a, b), c);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
