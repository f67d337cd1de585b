package io.stancestream.producer.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small standalone HTTP server for {@code produce --listen}: serves {@code POST /articles}
 * through an {@link IngestHandler} (and {@code GET /health}) on the JDK's built-in server. Binds
 * where it is told; the command binds 127.0.0.1 unless a host is given.
 */
public final class IngestServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger inFlight;

  private IngestServer(HttpServer server, ExecutorService executor, AtomicInteger inFlight) {
    this.server = server;
    this.executor = executor;
    this.inFlight = inFlight;
  }

  /** Starts serving on {@code address} (port 0 picks a free port). */
  public static IngestServer start(InetSocketAddress address, IngestHandler handler)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    AtomicInteger inFlight = new AtomicInteger();
    server.createContext(
        "/articles",
        exchange -> {
          inFlight.incrementAndGet();
          try {
            articles(exchange, handler);
          } finally {
            inFlight.decrementAndGet();
          }
        });
    server.createContext(
        "/health",
        exchange -> send(exchange, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8)));
    server.createContext(
        "/",
        exchange ->
            send(
                exchange,
                404,
                "text/plain",
                "not found: use POST /articles\n".getBytes(StandardCharsets.UTF_8)));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "stancestream-ingest-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new IngestServer(server, executor, inFlight);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void articles(HttpExchange exchange, IngestHandler handler) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/articles")) {
        send(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
        exchange.getResponseHeaders().add("Allow", "POST");
        send(exchange, 405, "text/plain", "use POST\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(handler.maxBytes() + 1);
      }
      IngestHandler.Response response =
          handler.handle(
              body,
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders());
      send(exchange, response.status(), response.contentType(), response.body());
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Stops accepting, lets requests under way finish (up to five seconds), then closes. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // stop(0): JDK 17's stop(n) sleeps the whole n seconds even when nothing is under way.
    server.stop(0);
    executor.shutdownNow();
  }
}
