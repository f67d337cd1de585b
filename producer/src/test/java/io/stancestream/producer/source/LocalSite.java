package io.stancestream.producer.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on 127.0.0.1 for tests: serves pages and feeds with an ETag and a Last-Modified date,
 * answers 304 to a matching conditional GET, fails with 500 when told to, and records each
 * request's path, conditional headers and status.
 */
public final class LocalSite implements AutoCloseable {

  /** What the site served for one request. */
  public record Hit(String path, String ifNoneMatch, String ifModifiedSince, int status) {}

  private record Page(String contentType, byte[] body, String etag, String lastModified) {}

  private final HttpServer server;
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final AtomicInteger failuresToServe = new AtomicInteger();
  public final List<Hit> hits = new CopyOnWriteArrayList<>();

  public LocalSite() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI uri(String path) {
    return URI.create(base() + path);
  }

  /** Serves {@code body} at {@code path}; {@code etag} or {@code lastModified} may be null. */
  public void put(String path, String contentType, String body, String etag, String lastModified) {
    pages.put(
        path,
        new Page(
            contentType,
            body.replace("{{BASE}}", base()).getBytes(StandardCharsets.UTF_8),
            etag,
            lastModified));
  }

  /** The next {@code n} requests get a 500. */
  public void failNext(int n) {
    failuresToServe.set(n);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
      String ims = exchange.getRequestHeaders().getFirst("If-Modified-Since");
      int status;
      byte[] body = new byte[0];
      Page page = pages.get(path);
      if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 500;
        body = "internal error".getBytes(StandardCharsets.UTF_8);
      } else if (page == null) {
        status = 404;
        body = "not found".getBytes(StandardCharsets.UTF_8);
      } else if ((page.etag() != null && page.etag().equals(inm))
          || (page.etag() == null
              && page.lastModified() != null
              && page.lastModified().equals(ims))) {
        status = 304;
      } else {
        status = 200;
        body = page.body();
        exchange.getResponseHeaders().set("Content-Type", page.contentType());
        if (page.etag() != null) {
          exchange.getResponseHeaders().set("ETag", page.etag());
        }
        if (page.lastModified() != null) {
          exchange.getResponseHeaders().set("Last-Modified", page.lastModified());
        }
      }
      hits.add(new Hit(path, inm, ims, status));
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
