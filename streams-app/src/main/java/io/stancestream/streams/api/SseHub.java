package io.stancestream.streams.api;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * The open {@code /api/stream} connections: sends each committed article result and alert from the
 * {@link ResultFeed} to every client as an SSE event ({@code article} or {@code alert}, data = the
 * record's JSON); at most once a second a {@code windows} event ({@code {"trends": bool, "topics":
 * bool}}) saying which windowed views changed, so that dashboards re-query them without receiving
 * every window update; and a comment every 15 s so proxies keep idle connections open and dead ones
 * are noticed.
 */
final class SseHub implements AutoCloseable {

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "stancestream-sse-heartbeat");
            t.setDaemon(true);
            return t;
          });

  private final AtomicBoolean trendsChanged = new AtomicBoolean();
  private final AtomicBoolean topicsChanged = new AtomicBoolean();

  SseHub() {
    heartbeat.scheduleAtFixedRate(safely(() -> comment("ping")), 15, 15, TimeUnit.SECONDS);
    heartbeat.scheduleAtFixedRate(safely(this::windowsChanged), 1, 1, TimeUnit.SECONDS);
  }

  /** A failing run must not cancel the schedule. */
  private static Runnable safely(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LoggerFactory.getLogger(SseHub.class).warn("SSE broadcast failed", e);
      }
    };
  }

  void add(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    synchronized (client) {
      client.sendComment("connected");
    }
  }

  int size() {
    return clients.size();
  }

  void onEvent(ResultFeed.Event e) {
    switch (e.type()) {
      case ResultFeed.ARTICLE, ResultFeed.ALERT -> send(e.type(), e.json());
      case ResultFeed.TREND -> trendsChanged.set(true);
      case ResultFeed.MENTIONS -> topicsChanged.set(true);
      default -> {}
    }
  }

  private void windowsChanged() {
    boolean trends = trendsChanged.getAndSet(false);
    boolean topics = topicsChanged.getAndSet(false);
    if (trends || topics) {
      send("windows", "{\"trends\":" + trends + ",\"topics\":" + topics + "}");
    }
  }

  private void send(String type, String json) {
    for (SseClient c : clients) {
      // One writer at a time per connection: the feed thread and the heartbeat both send.
      synchronized (c) {
        if (c.terminated()) {
          clients.remove(c);
        } else {
          c.sendEvent(type, json);
        }
      }
    }
  }

  private void comment(String text) {
    for (SseClient c : clients) {
      synchronized (c) {
        if (c.terminated()) {
          clients.remove(c);
        } else {
          c.sendComment(text);
        }
      }
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (SseClient c : clients) {
      synchronized (c) {
        c.close();
      }
    }
    clients.clear();
  }
}
