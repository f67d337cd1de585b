package io.stancestream.producer.source;

import io.stancestream.producer.parse.Document;
import io.stancestream.producer.parse.DocumentParser;
import io.stancestream.producer.parse.Extracted;
import io.stancestream.producer.parse.FeedParser;
import io.stancestream.producer.parse.InputFormat;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads one URL, once or repeatedly. Each poll is a conditional GET ({@code If-None-Match} / {@code
 * If-Modified-Since} from the last response), so an unchanged feed costs a 304 and nothing else. A
 * feed's items are read once each (by guid or link); a page is re-read when it changes. After a
 * failure (an error status or an I/O error) the next delay doubles, up to {@code maxBackoff}; a
 * success resets it to the interval.
 */
public final class UrlPoller {

  /** What one poll found. */
  public enum Status {
    UPDATED,
    NOT_MODIFIED,
    FAILED
  }

  private final URI uri;
  private final PageFetcher fetcher;
  private final DocumentParser parser;
  private final Duration interval;
  private final Duration maxBackoff;
  private final Set<String> seenItems = new HashSet<>();
  private String etag;
  private String lastModified;
  private int failures;
  private String lastError;

  public UrlPoller(
      URI uri, PageFetcher fetcher, DocumentParser parser, Duration interval, Duration maxBackoff) {
    this.uri = uri;
    this.fetcher = fetcher;
    this.parser = parser;
    this.interval = interval;
    this.maxBackoff = maxBackoff.compareTo(interval) < 0 ? interval : maxBackoff;
  }

  public URI uri() {
    return uri;
  }

  /** Fetches the URL and hands each new article (or failed item) to {@code out}. */
  public synchronized Status poll(Consumer<Extracted> out) throws InterruptedException {
    FetchResult result;
    try {
      result = fetcher.fetch(uri, etag, lastModified);
    } catch (IOException | IllegalArgumentException e) {
      return failed("cannot fetch: " + e);
    }
    if (result.notModified()) {
      failures = 0;
      return Status.NOT_MODIFIED;
    }
    if (!result.ok()) {
      return failed("HTTP " + result.status());
    }
    failures = 0;
    lastError = null;
    etag = result.etag();
    lastModified = result.lastModified();
    Document doc =
        new Document(
            uri.toString(), result.body(), uri.getPath(), result.contentType(), result.finalUri());
    if (InputFormat.detect(doc) == InputFormat.FEED) {
      for (FeedParser.Item item :
          parser.feeds().items(doc.bytes(), doc.location(), doc.baseUri())) {
        if (seenItems.add(item.key())) {
          out.accept(item.extracted());
        }
      }
    } else {
      parser.parse(doc).forEach(out);
    }
    return Status.UPDATED;
  }

  private Status failed(String reason) {
    failures++;
    lastError = reason;
    return Status.FAILED;
  }

  /** The wait before the next poll: the interval, doubled for each failure in a row, capped. */
  public synchronized Duration nextDelay() {
    if (failures == 0) {
      return interval;
    }
    int doublings = Math.min(failures, 30);
    Duration d = interval.multipliedBy(1L << doublings);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  public synchronized int consecutiveFailures() {
    return failures;
  }

  /** Why the last poll failed, or null after a success. */
  public synchronized String lastError() {
    return lastError;
  }
}
