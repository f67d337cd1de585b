package io.stancestream.streams.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where the data of a store lives when several instances share one {@code application.id}: which
 * instance holds a key ({@link KafkaStreams#queryMetadataForKey}) and which instances hold parts of
 * a store ({@link KafkaStreams#streamsMetadataForStore}), and a small HTTP client to ask them.
 *
 * <p>Without {@code application.server} ({@code self} null) every query is answered locally: the
 * single-instance case.
 */
final class Instances {

  /** Query parameter that asks an instance to answer from its own stores only. */
  static final String LOCAL = "local";

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Duration timeout = Duration.ofSeconds(10);

  Instances(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  HostInfo self() {
    return self;
  }

  /** The instance whose active task holds {@code key} in {@code store}, or null for this one. */
  HostInfo ownerOf(String store, String key) {
    if (self == null) {
      return null;
    }
    KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE || isSelf(md.activeHost())) {
      return null;
    }
    return md.activeHost();
  }

  /** The other instances holding part of {@code store} (empty when this one holds all of it). */
  List<HostInfo> othersHolding(String store) {
    if (self == null) {
      return List.of();
    }
    Set<HostInfo> hosts = new LinkedHashSet<>();
    for (StreamsMetadata md : streams.streamsMetadataForStore(store)) {
      if (!isSelf(md.hostInfo()) && md.hostInfo().port() > 0) {
        hosts.add(md.hostInfo());
      }
    }
    return new ArrayList<>(hosts);
  }

  private boolean isSelf(HostInfo h) {
    return h == null || h.equals(self) || h.port() < 0;
  }

  /**
   * GETs {@code path} with {@code query} (already encoded, may be empty) from another instance,
   * asking it to answer locally, and passes the caller's authorization on.
   */
  HttpResponse<String> get(HostInfo host, String path, String query, String authorization)
      throws IOException, InterruptedException {
    String q = (query == null || query.isBlank() ? "" : query + "&") + LOCAL + "=true";
    HttpRequest.Builder req =
        HttpRequest.newBuilder(
                URI.create("http://" + host.host() + ":" + host.port() + path + "?" + q))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET();
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String describe(HostInfo h) {
    return h.host() + ":" + h.port();
  }
}
