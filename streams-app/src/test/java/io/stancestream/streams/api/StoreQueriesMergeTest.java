package io.stancestream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.stancestream.events.Alert;
import io.stancestream.events.StanceLabel;
import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.StanceTrend;
import io.stancestream.streams.windows.WindowSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merges that combine several instances' answers into one. */
class StoreQueriesMergeTest {

  private static final Instant H0 = Instant.parse("2025-06-01T10:00:00Z");
  private static final Instant H1 = H0.plusSeconds(3600);
  private static final Instant H2 = H1.plusSeconds(3600);

  private static Views.TopicWindow window(Instant start, Views.TopicCount... topics) {
    return new Views.TopicWindow("tumbling", start, start.plusSeconds(3600), List.of(topics));
  }

  @Test
  void topicWindowsFromSeveralInstancesAreJoinedByStartNewestFirstMostMentionedFirst() {
    List<Views.TopicWindow> merged =
        StoreQueries.mergeTopicWindows(
            List.of(
                window(H1, new Views.TopicCount("putin", 2, 1)),
                window(H0, new Views.TopicCount("putin", 9, 3)),
                window(H1, new Views.TopicCount("nato-membership", 5, 2)),
                window(H2, new Views.TopicCount("trump", 1, 1))),
            2);
    assertThat(merged).extracting(Views.TopicWindow::windowStart).containsExactly(H2, H1);
    assertThat(merged.get(1).topics())
        .extracting(Views.TopicCount::topic)
        .containsExactly("nato-membership", "putin");
  }

  @Test
  void alertsAreDeduplicatedByIdAndNewestWindowFirst() {
    Alert older = alert("strong-stance@a@" + H0, H0);
    Alert newer = alert("strong-stance@b@" + H1, H1);
    Views.Alerts merged =
        StoreQueries.mergeAlerts(
            List.of(
                new Views.Alerts(2, List.of(older, newer), List.of()),
                new Views.Alerts(1, List.of(newer), List.of())),
            10,
            List.of("host:1 (HTTP 503)"));
    assertThat(merged.alerts()).containsExactly(newer, older);
    assertThat(merged.unavailable()).containsExactly("host:1 (HTTP 503)");
    assertThat(StoreQueries.mergeAlerts(List.of(merged), 1, List.of()).alerts())
        .containsExactly(newer);
  }

  private static Alert alert(String id, Instant start) {
    return new Alert(
        1,
        id,
        "strong-stance",
        "k",
        start,
        start.plusSeconds(3600),
        Map.of(),
        List.of(),
        List.of(),
        "m");
  }

  @Test
  void trendSeriesPutAllOutletsFirstAndKeepTheNewestWindowsOldestFirst() {
    StoreQueries queries =
        new StoreQueries(null, WindowSettings.from(StanceStreamConfig.of(Map.of())));
    Views.Trends trends =
        queries.mergeTrends(
            List.of(
                new Views.TrendSeries(
                    null, List.of(trend("Zeta", H0), trend("*", H2), trend("*", H0))),
                new Views.TrendSeries(null, List.of(trend("alpha", H1), trend("*", H1)))),
            2,
            List.of());
    assertThat(trends.series())
        .extracting(Views.TrendSeries::outlet)
        .containsExactly("*", "alpha", "Zeta");
    assertThat(trends.series().get(0).points())
        .extracting(StanceTrend::windowStart)
        .containsExactly(H1, H2);
    assertThat(trends.windowSize()).isEqualTo("PT1H");
  }

  private static StanceTrend trend(String outlet, Instant start) {
    return new StanceTrend(
        1,
        outlet,
        start,
        start.plusSeconds(3600),
        Map.of(StanceLabel.AGAINST, 1L),
        1,
        -0.5,
        0.8,
        List.of(),
        false);
  }
}
