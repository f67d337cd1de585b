package io.stancestream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.ArticleStance;
import io.stancestream.events.Stance;
import io.stancestream.events.StanceLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleFilterTest {

  private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");

  private static ArticleStance stance(
      String id,
      String outlet,
      StanceLabel label,
      Instant published,
      Map<String, Integer> mentions) {
    return new ArticleStance(
        1,
        id,
        "Title " + id,
        outlet,
        "https://x.example/" + id,
        "A",
        published,
        T.minusSeconds(3600),
        new Stance(label, label == StanceLabel.AGAINST ? -0.5 : 0.1, 0.8),
        List.of(),
        mentions,
        "v1",
        T);
  }

  private static ArticleFilter parse(Map<String, String> params) {
    return ArticleFilter.parse(params::get);
  }

  @Test
  void noParametersMatchEverythingWithTheDefaultLimit() {
    ArticleFilter f = parse(Map.of());
    assertThat(f.limit()).isEqualTo(ArticleFilter.DEFAULT_LIMIT);
    assertThat(f.matches(stance("a", null, StanceLabel.NEUTRAL, null, Map.of()))).isTrue();
  }

  @Test
  void stanceOutletAndTopicMatchCaseInsensitivelyWhereNamesAreHumanWritten() {
    ArticleFilter f = parse(Map.of("stance", "against", "outlet", "the daily", "topic", "putin"));
    assertThat(f.matches(stance("a", " The Daily ", StanceLabel.AGAINST, T, Map.of("putin", 2))))
        .isTrue();
    assertThat(f.matches(stance("b", "The Daily", StanceLabel.FAVOR, T, Map.of("putin", 2))))
        .isFalse();
    assertThat(f.matches(stance("c", "Other", StanceLabel.AGAINST, T, Map.of("putin", 2))))
        .isFalse();
    assertThat(f.matches(stance("d", "The Daily", StanceLabel.AGAINST, T, Map.of("putin", 0))))
        .isFalse();
    assertThat(f.matches(stance("e", "The Daily", StanceLabel.AGAINST, T, Map.of()))).isFalse();
  }

  @Test
  void timeRangeIsFromInclusiveToExclusiveOnEventTime() {
    ArticleFilter f = parse(Map.of("from", "2025-06-01", "to", "2025-06-01T12:00:00Z"));
    assertThat(f.matches(stance("a", null, StanceLabel.NEUTRAL, T.minusSeconds(1), Map.of())))
        .isTrue();
    assertThat(f.matches(stance("b", null, StanceLabel.NEUTRAL, T, Map.of()))).isFalse();
    assertThat(
            f.matches(
                stance(
                    "c",
                    null,
                    StanceLabel.NEUTRAL,
                    Instant.parse("2025-06-01T00:00:00Z"),
                    Map.of())))
        .isTrue();
    // No publishedAt: the ingest time (11:00) counts.
    assertThat(f.matches(stance("d", null, StanceLabel.NEUTRAL, null, Map.of()))).isTrue();
  }

  @Test
  void badParametersAreNamedInTheError() {
    assertThatThrownBy(() -> parse(Map.of("stance", "pro"))).hasMessageContaining("stance");
    assertThatThrownBy(() -> parse(Map.of("limit", "0"))).hasMessageContaining("limit");
    assertThatThrownBy(() -> parse(Map.of("limit", "ten"))).hasMessageContaining("limit");
    assertThatThrownBy(() -> parse(Map.of("from", "yesterday"))).hasMessageContaining("from");
  }

  @Test
  void newestEventTimeComesFirst() {
    List<ArticleStance> list =
        new ArrayList<>(
            List.of(
                stance("old", null, StanceLabel.NEUTRAL, T.minusSeconds(60), Map.of()),
                stance("new", null, StanceLabel.NEUTRAL, T, Map.of()),
                stance("unpublished", null, StanceLabel.NEUTRAL, null, Map.of())));
    list.sort(ArticleFilter.NEWEST_FIRST);
    assertThat(list)
        .extracting(ArticleStance::articleId)
        .containsExactly("new", "old", "unpublished");
  }
}
