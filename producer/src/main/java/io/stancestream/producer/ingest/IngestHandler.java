package io.stancestream.producer.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancestream.events.JsonSerde;
import io.stancestream.producer.PublishSession;
import io.stancestream.producer.parse.ArticleNormaliser;
import io.stancestream.producer.parse.Document;
import io.stancestream.producer.parse.DocumentParser;
import io.stancestream.producer.parse.Extracted;
import io.stancestream.producer.parse.InputFormat;
import io.stancestream.producer.parse.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code POST /articles} ingest endpoint, independent of any HTTP server: request bytes,
 * content type and headers in, a status and a JSON report out. It accepts a JSON object or array
 * (or an object wrapping an {@code articles} array), JSONL, an HTML page or raw text, and sends
 * each article through the same normalise, validate and publish steps as files. A {@code
 * Content-Location} (or {@code X-Article-Url}) header gives the URL of a raw page or text.
 *
 * <p>Status: 200 when every article was published or was a duplicate; 422 when any was rejected
 * (the report says which, and the others were still published); 202 when the broker has not
 * acknowledged within the timeout (the sends are still under way); 400 for an empty body; 413 for a
 * body over the size limit; 415 for a binary content type. The report is {@code {"published",
 * "duplicates", "rejected", "pending", "ids": [...], "rejections": [{"location", "reason"}]}}.
 */
public final class IngestHandler {

  /** Where the request's articles are said to come from. */
  public static final String LOCATION = "POST /articles";

  /** An HTTP response: status, content type and body. */
  public record Response(int status, String contentType, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final DocumentParser parser;
  private final ArticleNormaliser normaliser;
  private final PublishSession session;
  private final Duration ackTimeout;
  private final int maxBytes;

  public IngestHandler(
      DocumentParser parser,
      ArticleNormaliser normaliser,
      PublishSession session,
      Duration ackTimeout,
      int maxBytes) {
    this.parser = parser;
    this.normaliser = normaliser;
    this.session = session;
    this.ackTimeout = ackTimeout;
    this.maxBytes = maxBytes;
  }

  /** The largest request body accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Handles one request body. {@code headers} may be null; names are matched case-insensitively.
   */
  public Response handle(byte[] body, String contentType, Map<String, List<String>> headers) {
    if (body == null || body.length == 0) {
      return error(400, "empty request body: send a JSON article, JSONL, HTML or text");
    }
    if (body.length > maxBytes) {
      return error(413, "request body over " + maxBytes + " bytes");
    }
    String url = header(headers, "x-article-url");
    if (url == null) {
      url = header(headers, "content-location");
    }
    Document doc = new Document(LOCATION, body, null, contentType, null);
    if (InputFormat.detect(doc) == InputFormat.UNSUPPORTED) {
      return error(415, "unsupported content type " + contentType);
    }
    List<CompletableFuture<PublishSession.Outcome>> outcomes = new ArrayList<>();
    try {
      for (Extracted e : parser.parse(doc)) {
        if (url != null && e.article() != null && e.article().url() == null) {
          RawArticle a = e.article();
          e =
              Extracted.of(
                  new RawArticle(
                      a.location(),
                      url,
                      a.title(),
                      a.outlet(),
                      a.author(),
                      a.publishedAt(),
                      a.language(),
                      a.body()));
        }
        outcomes.add(session.submit(normaliser.normalise(e)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(503, "shutting down");
    }
    return report(outcomes);
  }

  private Response report(List<CompletableFuture<PublishSession.Outcome>> outcomes) {
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    int published = 0;
    int duplicates = 0;
    int rejected = 0;
    int pending = 0;
    ObjectNode json = JsonSerde.MAPPER.createObjectNode();
    ArrayNode ids = JsonSerde.MAPPER.createArrayNode();
    ArrayNode rejections = JsonSerde.MAPPER.createArrayNode();
    for (CompletableFuture<PublishSession.Outcome> f : outcomes) {
      PublishSession.Outcome o;
      try {
        o = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        pending++;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pending++;
        continue;
      } catch (ExecutionException e) {
        rejected++;
        rejections
            .addObject()
            .put("location", LOCATION)
            .put("reason", String.valueOf(e.getCause()));
        continue;
      }
      switch (o.kind()) {
        case PUBLISHED -> {
          published++;
          ids.add(o.id());
        }
        case DUPLICATE -> {
          duplicates++;
          ids.add(o.id());
        }
        case REJECTED -> {
          rejected++;
          rejections
              .addObject()
              .put("location", o.rejection().location())
              .put("reason", o.rejection().reason());
        }
      }
    }
    json.put("published", published);
    json.put("duplicates", duplicates);
    json.put("rejected", rejected);
    json.put("pending", pending);
    json.set("ids", ids);
    json.set("rejections", rejections);
    int status = rejected > 0 ? 422 : pending > 0 ? 202 : 200;
    return new Response(
        status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Response error(int status, String message) {
    ObjectNode json = JsonSerde.MAPPER.createObjectNode().put("error", message);
    return new Response(
        status, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null
          && h.getKey().toLowerCase(Locale.ROOT).equals(name)
          && h.getValue() != null
          && !h.getValue().isEmpty()
          && !h.getValue().get(0).isBlank()) {
        return h.getValue().get(0).strip();
      }
    }
    return null;
  }
}
