package io.stancestream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the app (one {@code application.id}, two partitions, one embedded broker), each
 * with its query server: either instance answers for a key the other holds, and list endpoints
 * merge both instances' stores.
 */
@Tag("integration")
class TwoInstanceQueryIT {

  @TempDir Path tmp;

  @Test
  void eitherInstanceAnswersForKeysTheOtherHolds() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      StanceStreamConfig shared = LiveStack.config(kafka, tmp.resolve("unused"), 2, Map.of());
      try (LiveStack a = LiveStack.serve(shared.with("state.dir", tmp.resolve("a").toString()));
          LiveStack b = LiveStack.serve(shared.with("state.dir", tmp.resolve("b").toString()))) {
        assertThat(a.server.port()).isNotEqualTo(b.server.port());
        a.app.start();
        b.app.start();
        // Both running, each holding one of the two partitions of the article store.
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    a.get("/ready").status() == 200
                        && b.get("/ready").status() == 200
                        && hostsOf(a).size() == 2
                        && hostsOf(b).size() == 2);

        Instant t = Instant.now().truncatedTo(ChronoUnit.HOURS).plusSeconds(120);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          articles.add(
              LiveStack.article(
                  "https://outlet" + (i % 2) + ".example/news/" + i,
                  "Report " + i,
                  "Outlet " + (i % 2),
                  t.plusSeconds(i),
                  "Ukraine must not join NATO, the author argues in report "
                      + i
                      + ". NATO membership for Ukraine would be a grave mistake."));
        }
        a.publish(articles);

        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () -> {
                  assertThat(a.get("/api/articles").json().path("count").asInt()).isEqualTo(8);
                  assertThat(b.get("/api/articles").json().path("count").asInt()).isEqualTo(8);
                });

        Set<String> heldByA = new HashSet<>();
        Set<String> heldByB = new HashSet<>();
        for (Article article : articles) {
          KeyQueryMetadata md =
              a.app
                  .streams()
                  .queryMetadataForKey(
                      QueryStores.ARTICLE_STANCE, article.id(), Serdes.String().serializer());
          String owner = md.activeHost().host() + ":" + md.activeHost().port();
          (owner.equals(a.cfg.get(QueryServer.APPLICATION_SERVER)) ? heldByA : heldByB)
              .add(article.id());
        }
        assertThat(heldByA).isNotEmpty();
        assertThat(heldByB).isNotEmpty();

        for (Article article : articles) {
          for (LiveStack instance : List.of(a, b)) {
            LiveStack.Response r = instance.get(path(article.id()));
            assertThat(r.status())
                .as("%s via %s", article.id(), instance.server.url())
                .isEqualTo(200);
            assertThat(r.json().path("articleId").asText()).isEqualTo(article.id());
            assertThat(r.json().path("title").asText()).isEqualTo(article.title());
          }
        }
        // A local-only query proves the key really lives on the other instance.
        String onB = heldByB.iterator().next();
        assertThat(a.get(path(onB) + "?local=true").status()).isEqualTo(404);
        assertThat(b.get(path(onB) + "?local=true").status()).isEqualTo(200);
        String onA = heldByA.iterator().next();
        assertThat(b.get(path(onA) + "?local=true").status()).isEqualTo(404);
        assertThat(a.get(path(onA)).status()).isEqualTo(200);

        // Lists merge: filters apply across both instances; per-instance parts add up.
        int localA = a.get("/api/articles?local=true").json().path("count").asInt();
        int localB = b.get("/api/articles?local=true").json().path("count").asInt();
        assertThat(localA + localB).isEqualTo(8);
        assertThat(localA).isBetween(1, 7);
        for (LiveStack instance : List.of(a, b)) {
          JsonNode outlet1 = instance.get("/api/articles?outlet=Outlet%201").json();
          assertThat(outlet1.path("count").asInt()).isEqualTo(4);
          assertThat(outlet1.path("unavailable")).isEmpty();
          await()
              .atMost(Duration.ofSeconds(30))
              .untilAsserted(
                  () -> {
                    JsonNode series = instance.get("/api/trends").json().path("series");
                    assertThat(series).hasSize(3);
                    assertThat(series.get(0).path("points").get(0).path("n").asInt()).isEqualTo(8);
                    JsonNode topics = instance.get("/api/topics?kind=tumbling").json();
                    assertThat(topics.path("tumbling").get(0).path("topics")).isNotEmpty();
                  });
        }

        // The article store's changelog is the compacted article-stance topic itself: each stance
        // is written to Kafka once.
        try (Admin admin = Admin.create(kafka.adminProperties())) {
          Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
          assertThat(names).anyMatch(n -> n.endsWith("-seen-articles-changelog"));
          assertThat(names).noneMatch(n -> n.contains(QueryStores.ARTICLE_STANCE));
        }
      }
    }
  }

  private static Set<String> hostsOf(LiveStack s) {
    Set<String> hosts = new HashSet<>();
    for (StreamsMetadata md : s.app.streams().streamsMetadataForStore(QueryStores.ARTICLE_STANCE)) {
      hosts.add(md.hostInfo().host() + ":" + md.hostInfo().port());
    }
    return hosts;
  }

  private static String path(String id) {
    return "/api/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
