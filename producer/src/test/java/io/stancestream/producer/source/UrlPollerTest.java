package io.stancestream.producer.source;

import static io.stancestream.producer.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.producer.parse.DocumentParser;
import io.stancestream.producer.parse.Extracted;
import io.stancestream.producer.parse.FieldMapping;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Polling feeds and pages on a local site: conditional GET, 304, 500 and backoff, new items. */
class UrlPollerTest {

  static final String NEW_ENTRY =
      "<entry><title>Allies Agree a Training Mission</title>"
          + "<link href=\"https://alliancewatch.example/posts/training-mission\"/>"
          + "<id>tag:alliancewatch.example,2025:training-mission</id>"
          + "<published>2025-06-23T09:00:00Z</published><author><name>Sofia Marin</name></author>"
          + "<content type=\"html\">&lt;p&gt;"
          + "The allies agreed to expand a training mission for Ukrainian forces. ".repeat(10)
          + "&lt;/p&gt;</content></entry></feed>";

  private LocalSite site;
  private final DocumentParser parser =
      new DocumentParser(FieldMapping.defaults(), new HttpPageFetcher(Duration.ofSeconds(5)), 500);

  @BeforeEach
  void start() throws Exception {
    site = new LocalSite();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  static String atom() throws Exception {
    return Files.readString(fixture("good/feeds/atom.xml"));
  }

  private UrlPoller poller(String path, Duration interval, Duration maxBackoff) {
    return new UrlPoller(
        site.uri(path), new HttpPageFetcher(Duration.ofSeconds(5)), parser, interval, maxBackoff);
  }

  @Test
  void unchangedFeedCostsA304AndNewItemsAppearOnTheNextPoll() throws Exception {
    site.put("/atom.xml", "application/atom+xml", atom(), "\"v1\"", null);
    UrlPoller poller = poller("/atom.xml", Duration.ofMinutes(1), Duration.ofMinutes(30));
    List<Extracted> got = new ArrayList<>();

    assertThat(poller.poll(got::add)).isEqualTo(UrlPoller.Status.UPDATED);
    assertThat(got).hasSize(2);

    assertThat(poller.poll(got::add)).isEqualTo(UrlPoller.Status.NOT_MODIFIED);
    assertThat(got).hasSize(2);
    assertThat(site.hits.get(1).ifNoneMatch()).isEqualTo("\"v1\"");
    assertThat(site.hits.get(1).status()).isEqualTo(304);

    site.put(
        "/atom.xml", "application/atom+xml", atom().replace("</feed>", NEW_ENTRY), "\"v2\"", null);
    assertThat(poller.poll(got::add)).isEqualTo(UrlPoller.Status.UPDATED);
    assertThat(got).hasSize(3);
    assertThat(got.get(2).article().title()).isEqualTo("Allies Agree a Training Mission");
    assertThat(got.get(2).article().url())
        .isEqualTo("https://alliancewatch.example/posts/training-mission");
  }

  @Test
  void lastModifiedIsSentBackAsIfModifiedSince() throws Exception {
    String date = "Sat, 21 Jun 2025 08:00:00 GMT";
    site.put("/atom.xml", "application/xml", atom(), null, date);
    UrlPoller poller = poller("/atom.xml", Duration.ofMinutes(1), Duration.ofMinutes(30));
    poller.poll(e -> {});
    assertThat(poller.poll(e -> {})).isEqualTo(UrlPoller.Status.NOT_MODIFIED);
    assertThat(site.hits.get(1).ifModifiedSince()).isEqualTo(date);
  }

  @Test
  void errorsBackOffExponentiallyUpToTheCapAndSuccessResets() throws Exception {
    site.put("/atom.xml", "application/atom+xml", atom(), "\"v1\"", null);
    UrlPoller poller = poller("/atom.xml", Duration.ofMillis(100), Duration.ofMillis(700));
    site.failNext(4);
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      assertThat(poller.poll(e -> {})).isEqualTo(UrlPoller.Status.FAILED);
      delays.add(poller.nextDelay());
    }
    assertThat(poller.lastError()).isEqualTo("HTTP 500");
    assertThat(delays)
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(700),
            Duration.ofMillis(700));
    List<Extracted> got = new ArrayList<>();
    assertThat(poller.poll(got::add)).isEqualTo(UrlPoller.Status.UPDATED);
    assertThat(got).hasSize(2);
    assertThat(poller.nextDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(poller.consecutiveFailures()).isZero();
  }

  @Test
  void summaryOnlyItemsAreFollowedToTheirPages() throws Exception {
    site.put(
        "/rss.xml",
        "application/rss+xml; charset=utf-8",
        Files.readString(fixture("served/rss-summary.xml")),
        "\"r1\"",
        null);
    site.put(
        "/pages/kyiv-long-wait.html",
        "text/html; charset=utf-8",
        Files.readString(fixture("good/html/boilerplate-news.html")),
        null,
        null);
    List<Extracted> got = new ArrayList<>();
    poller("/rss.xml", Duration.ofMinutes(1), Duration.ofMinutes(30)).poll(got::add);

    assertThat(got).hasSize(2);
    var page = got.get(0).article();
    assertThat(page.title()).isEqualTo("Kyiv's Long Wait at NATO's Door");
    // The page's canonical URL names the article, not the feed's link to the local copy.
    assertThat(page.url())
        .startsWith("https://WWW.NorthernLedger.example/world/2025/06/kyiv-long-wait");
    assertThat(page.outlet()).isEqualTo("The Northern Ledger");
    assertThat(page.publishedAt()).isEqualTo("2025-06-21T06:30:00Z");
    assertThat(page.body()).startsWith("Ukraine's bid to join").doesNotContain("Advertisement");

    assertThat(got.get(1).rejection().location()).isEqualTo(site.base() + "/pages/gone.html");
    assertThat(got.get(1).rejection().reason())
        .isEqualTo(
            "feed item has only a summary and fetching "
                + site.base()
                + "/pages/gone.html gave HTTP 404");
    assertThat(site.hits)
        .extracting(LocalSite.Hit::path)
        .containsExactly("/rss.xml", "/pages/kyiv-long-wait.html", "/pages/gone.html");
  }

  @Test
  void aPageUrlIsReadAsAPage() throws Exception {
    site.put(
        "/story",
        "text/html",
        Files.readString(fixture("good/html/meta-only-opinion.html")),
        null,
        null);
    List<Extracted> got = new ArrayList<>();
    assertThat(poller("/story", Duration.ofMinutes(1), Duration.ofMinutes(1)).poll(got::add))
        .isEqualTo(UrlPoller.Status.UPDATED);
    assertThat(got)
        .singleElement()
        .satisfies(
            e -> assertThat(e.article().title()).isEqualTo("Why the Alliance Should Say No"));
  }
}
