package io.stancestream.streams.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.stancestream.events.Alert;
import io.stancestream.events.ArticleStance;
import io.stancestream.events.DeadLetter;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.TopicMentionCount;
import io.stancestream.streams.StanceStreamApp;
import io.stancestream.streams.StanceTopology;
import io.stancestream.streams.metrics.StanceMetrics;
import io.stancestream.streams.windows.WindowSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a running {@link StanceStreamApp} (Javalin): the query API on the app's state
 * stores, the live SSE stream, the dashboard, health, readiness, Prometheus metrics and the OpenAPI
 * document. Paths are those of DESIGN.md; {@code /openapi.json} describes each.
 *
 * <p>Several instances with one {@code application.id} each hold some partitions: a query for one
 * key is forwarded to the instance that holds it, list queries ask every instance holding part of
 * the store ({@code ?local=true}) and merge, so any instance answers any query. That needs {@code
 * streams.application.server} to name this server: {@link #withServerAddress} sets it.
 *
 * <p>Security defaults: binds {@code http.host} (127.0.0.1 unless configured); when {@code
 * http.token} is set, {@code /api/*} and {@code POST /articles} require {@code Authorization:
 * Bearer <token>} (or {@code ?access_token=}, for browsers' EventSource); nothing writes to Kafka
 * except {@code POST /articles}, which exists only when an {@link IngestEndpoint} is given.
 *
 * <pre>{@code
 * StanceStreamConfig served = QueryServer.withServerAddress(cfg);
 * StanceStreamApp app = new StanceStreamApp(served, scorer).start();
 * try (QueryServer server = QueryServer.start(served, app)) {
 *   System.out.println("Dashboard: " + server.url());
 *   ...
 * }
 * }</pre>
 */
public final class QueryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);
  static final String APPLICATION_SERVER = "streams.application.server";

  private final Javalin javalin;
  private final String url;
  private final ResultFeed feed;
  private final SseHub sse;
  private final StanceMetrics metrics;

  private QueryServer(
      Javalin javalin, String url, ResultFeed feed, SseHub sse, StanceMetrics metrics) {
    this.javalin = javalin;
    this.url = url;
    this.feed = feed;
    this.sse = sse;
    this.metrics = metrics;
  }

  /**
   * The settings with the server's address fixed before the app is built: {@code http.port} 0
   * becomes a free port, and {@code streams.application.server} (unless set) becomes {@code
   * host:port}, with the host {@code http.advertised.host}, else {@code http.host} (the machine's
   * name when that is a wildcard address).
   */
  public static StanceStreamConfig withServerAddress(StanceStreamConfig cfg) {
    StanceStreamConfig out = cfg;
    int port = cfg.getInt("http.port", 7070);
    if (port == 0) {
      port = freePort(cfg.get("http.host", "127.0.0.1"));
      out = out.with("http.port", Integer.toString(port));
    }
    if (cfg.get(APPLICATION_SERVER, "").isBlank()) {
      out = out.with(APPLICATION_SERVER, advertisedHost(cfg) + ":" + port);
    }
    return out;
  }

  /** Starts serving {@code app} without an ingest endpoint. */
  public static QueryServer start(StanceStreamConfig cfg, StanceStreamApp app) {
    return start(cfg, app, null);
  }

  /**
   * Starts serving {@code app} (started or not) on {@code http.host}:{@code http.port} (0: any free
   * port); {@code ingest}, when not null, serves {@code POST /articles}.
   */
  public static QueryServer start(
      StanceStreamConfig cfg, StanceStreamApp app, IngestEndpoint ingest) {
    String host = cfg.get("http.host", "127.0.0.1");
    int port = cfg.getInt("http.port", 7070);
    HostInfo self = parseHost(cfg.get(APPLICATION_SERVER, ""));
    KafkaStreams streams = app.streams();
    StanceMetrics metrics = new StanceMetrics(streams, cfg.get("application.id"));
    ResultFeed feed = new ResultFeed(cfg, app.topics());
    SseHub sse = new SseHub();
    Routes routes =
        new Routes(
            streams,
            new StoreQueries(streams, WindowSettings.from(cfg)),
            new Instances(streams, self),
            sse,
            metrics,
            ingest,
            cfg.get("http.token", "").trim());
    Javalin javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              if (ingest != null) {
                config.http.maxRequestSize = ingest.maxBytes();
              }
              config.jsonMapper(new JavalinJackson(JsonSerde.MAPPER, false));
              // Article ids are often URLs: allow them percent-encoded in /api/articles/{id}.
              config.jetty.modifyHttpConfiguration(
                  http -> http.setUriCompliance(UriCompliance.LEGACY));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                  });
              config.staticFiles.enableWebjars();
            });
    routes.mount(javalin);
    feed.addListener(sse::onEvent);
    feed.addListener(e -> observe(metrics, e));
    try {
      javalin.start(host, port);
      if (!feed.start(Duration.ofSeconds(30))) {
        LOG.warn("result feed not positioned after 30 s; live updates may start late");
      }
    } catch (RuntimeException | InterruptedException e) {
      javalin.stop();
      feed.close();
      sse.close();
      metrics.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("query server failed to start on " + host + ":" + port, e);
    }
    int bound = javalin.port();
    if (self != null && self.port() != bound) {
      LOG.warn(
          "{}={} but the server listens on port {}: other instances cannot reach this one",
          APPLICATION_SERVER,
          Instances.describe(self),
          bound);
    }
    String shown = isLoopback(host) ? "localhost" : host;
    QueryServer server =
        new QueryServer(javalin, "http://" + shown + ":" + bound + "/", feed, sse, metrics);
    LOG.info("query API and dashboard at {}", server.url());
    return server;
  }

  private static void observe(StanceMetrics metrics, ResultFeed.Event e) {
    switch (e.type()) {
      case ResultFeed.ARTICLE ->
          metrics.onResult((ArticleStance) e.value(), Clock.systemUTC().instant());
      case ResultFeed.ALERT -> metrics.onAlert((Alert) e.value());
      case ResultFeed.DEAD_LETTER -> metrics.onDeadLetter((DeadLetter) e.value());
      default -> {}
    }
  }

  /** The dashboard's address, e.g. {@code http://localhost:7070/}. */
  public String url() {
    return url;
  }

  public int port() {
    return javalin.port();
  }

  /** Open {@code /api/stream} connections. */
  public int streamClients() {
    return sse.size();
  }

  @Override
  public void close() {
    sse.close();
    javalin.stop();
    feed.close();
    metrics.close();
  }

  private static int freePort(String host) {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private static String advertisedHost(StanceStreamConfig cfg) {
    String advertised = cfg.get("http.advertised.host", "").trim();
    if (!advertised.isEmpty()) {
      return advertised;
    }
    String host = cfg.get("http.host", "127.0.0.1").trim();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "localhost";
      }
    }
    return host;
  }

  private static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("::1") || host.equalsIgnoreCase("localhost");
  }

  static HostInfo parseHost(String hostPort) {
    if (hostPort == null || hostPort.isBlank()) {
      return null;
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(APPLICATION_SERVER + " must be host:port, is " + hostPort);
    }
    return new HostInfo(
        hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }

  /** The handlers, each small; queries go local or remote through {@link Instances}. */
  private static final class Routes {

    private final KafkaStreams streams;
    private final StoreQueries queries;
    private final Instances instances;
    private final SseHub sse;
    private final StanceMetrics metrics;
    private final IngestEndpoint ingest;
    private final byte[] token;

    Routes(
        KafkaStreams streams,
        StoreQueries queries,
        Instances instances,
        SseHub sse,
        StanceMetrics metrics,
        IngestEndpoint ingest,
        String token) {
      this.streams = streams;
      this.queries = queries;
      this.instances = instances;
      this.sse = sse;
      this.metrics = metrics;
      this.ingest = ingest;
      this.token = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    void mount(Javalin app) {
      app.before("/api/*", this::authorize);
      app.before("/articles", this::authorize);
      app.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
      app.get("/ready", this::ready);
      app.get(
          "/metrics",
          ctx ->
              ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
      app.get("/openapi.json", this::openApi);
      app.get("/api/articles", this::articles);
      app.get("/api/articles/<id>", this::article);
      app.get("/api/topics", this::topics);
      app.get("/api/trends", this::trends);
      app.get("/api/alerts", this::alerts);
      app.sse("/api/stream", sse::add);
      app.post("/articles", this::ingest);
      app.exception(
          IllegalArgumentException.class,
          (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
      app.exception(
          InvalidStateStoreException.class,
          (e, ctx) ->
              ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                  .json(
                      Map.of(
                          "error",
                          "state stores not queryable yet: " + e.getMessage(),
                          "state",
                          streams.state().toString())));
    }

    private void authorize(Context ctx) {
      if (token == null) {
        return;
      }
      String header = ctx.header("Authorization");
      String query = ctx.queryParam("access_token");
      String given = header != null ? header : query != null ? "Bearer " + query : null;
      if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"stancestream\"");
        throw new UnauthorizedResponse("missing or wrong bearer token");
      }
    }

    private void ready(Context ctx) {
      KafkaStreams.State state = streams.state();
      ctx.status(
              state == KafkaStreams.State.RUNNING ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
          .json(Map.of("state", state.toString()));
    }

    private void openApi(Context ctx) throws IOException {
      try (InputStream in = QueryServer.class.getResourceAsStream("/api/openapi.json")) {
        if (in == null) {
          ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "openapi.json not packaged"));
          return;
        }
        ctx.contentType("application/json").result(in.readAllBytes());
      }
    }

    private void articles(Context ctx) {
      ArticleFilter filter = ArticleFilter.parse(ctx::queryParam);
      ctx.json(
          fanOut(
              ctx,
              QueryStores.ARTICLE_STANCE,
              Views.Articles.class,
              () -> queries.articles(filter),
              (parts, unavailable) -> StoreQueries.mergeArticles(parts, filter, unavailable)));
    }

    private void article(Context ctx) throws IOException, InterruptedException {
      String id = ctx.pathParam("id");
      HostInfo owner = isLocal(ctx) ? null : instances.ownerOf(QueryStores.ARTICLE_STANCE, id);
      if (owner != null) {
        HttpResponse<String> r =
            instances.get(
                owner,
                "/api/articles/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"),
                "",
                ctx.header("Authorization"));
        ctx.status(r.statusCode()).contentType("application/json").result(r.body());
        return;
      }
      ArticleStance s = queries.article(id);
      if (s == null) {
        ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no article with id " + id));
      } else {
        ctx.json(s);
      }
    }

    private void topics(Context ctx) {
      String kind = ctx.queryParam("kind");
      if (kind != null
          && !kind.equals(TopicMentionCount.TUMBLING)
          && !kind.equals(TopicMentionCount.HOPPING)) {
        throw new IllegalArgumentException("kind must be tumbling or hopping: " + kind);
      }
      int n = intParam(ctx, "windows", 6, 1000);
      ctx.json(
          fanOut(
              ctx,
              StanceTopology.TOPIC_MENTIONS_TUMBLING,
              Views.Topics.class,
              () -> queries.topics(kind, n),
              (parts, unavailable) -> {
                List<Views.TopicWindow> tumbling = new ArrayList<>();
                List<Views.TopicWindow> hopping = new ArrayList<>();
                parts.forEach(
                    p -> {
                      tumbling.addAll(p.tumbling());
                      hopping.addAll(p.hopping());
                    });
                return queries.topicsView(
                    StoreQueries.mergeTopicWindows(tumbling, n),
                    StoreQueries.mergeTopicWindows(hopping, n),
                    unavailable);
              }));
    }

    private void trends(Context ctx) {
      String outlet = ctx.queryParam("outlet");
      int n = intParam(ctx, "windows", 48, 10_000);
      ctx.json(
          fanOut(
              ctx,
              StanceTopology.STANCE_TRENDS,
              Views.Trends.class,
              () -> queries.trends(outlet == null || outlet.isBlank() ? null : outlet.strip(), n),
              (parts, unavailable) ->
                  queries.mergeTrends(
                      parts.stream().flatMap(p -> p.series().stream()).toList(), n, unavailable)));
    }

    private void alerts(Context ctx) {
      String rule = ctx.queryParam("rule");
      int limit = intParam(ctx, "limit", 50, 1000);
      ctx.json(
          fanOut(
              ctx,
              QueryStores.ALERTS,
              Views.Alerts.class,
              () -> queries.alerts(rule == null || rule.isBlank() ? null : rule.strip(), limit),
              (parts, unavailable) -> StoreQueries.mergeAlerts(parts, limit, unavailable)));
    }

    private void ingest(Context ctx) {
      if (ingest == null) {
        ctx.status(HttpStatus.NOT_IMPLEMENTED)
            .json(
                Map.of(
                    "error", "ingest is not enabled on this server; use `stancestream produce`"));
        return;
      }
      long length = ctx.contentLength();
      if (length > ingest.maxBytes()) {
        ctx.status(HttpStatus.CONTENT_TOO_LARGE)
            .json(Map.of("error", "request body over " + ingest.maxBytes() + " bytes"));
        return;
      }
      IngestEndpoint.Reply reply =
          ingest.handle(ctx.bodyAsBytes(), ctx.contentType(), headers(ctx));
      ctx.status(reply.status()).contentType(reply.contentType()).result(reply.body());
    }

    private static Map<String, List<String>> headers(Context ctx) {
      Map<String, List<String>> out = new LinkedHashMap<>();
      ctx.headerMap().forEach((k, v) -> out.put(k, List.of(v)));
      return out;
    }

    /**
     * This instance's answer, merged with those of the other instances holding part of {@code
     * store} unless the request is itself a fan-out ({@code ?local=true}). Instances that do not
     * answer are listed in the result's {@code unavailable}.
     */
    private <T> T fanOut(
        Context ctx,
        String store,
        Class<T> type,
        Supplier<T> local,
        BiFunction<List<T>, List<String>, T> merge) {
      if (isLocal(ctx)) {
        return local.get();
      }
      List<HostInfo> others = instances.othersHolding(store);
      List<T> parts = new ArrayList<>();
      try {
        parts.add(local.get());
      } catch (InvalidStateStoreException e) {
        // This instance may hold no partition of the store; the others then answer for it.
        if (others.isEmpty() || streams.state() != KafkaStreams.State.RUNNING) {
          throw e;
        }
      }
      List<String> unavailable = new ArrayList<>();
      for (HostInfo host : others) {
        try {
          HttpResponse<String> r =
              instances.get(host, ctx.path(), ctx.queryString(), ctx.header("Authorization"));
          if (r.statusCode() == 200) {
            parts.add(JsonSerde.MAPPER.readValue(r.body(), type));
          } else {
            unavailable.add(Instances.describe(host) + " (HTTP " + r.statusCode() + ")");
          }
        } catch (IOException e) {
          unavailable.add(Instances.describe(host) + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          unavailable.add(Instances.describe(host) + " (interrupted)");
        }
      }
      return merge.apply(parts, unavailable);
    }

    private static boolean isLocal(Context ctx) {
      return "true".equals(ctx.queryParam(Instances.LOCAL));
    }

    private static int intParam(Context ctx, String name, int fallback, int max) {
      String v = ctx.queryParam(name);
      if (v == null || v.isBlank()) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(v.strip());
        if (n >= 1 && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new IllegalArgumentException(
          name + " must be a whole number from 1 to " + max + ": " + v);
    }
  }
}
