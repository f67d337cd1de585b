package io.stancestream.streams.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.JsonSerde;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class MentionCountSerdeTest {

  private final MentionCountSerde serde = new MentionCountSerde();

  @Test
  void roundTripsCountsIdsAndLinks() {
    MentionCount c =
        new MentionCount(
            7, 3, List.of("a-1", "ü-2", "https://x.example/3"), List.of("https://x.example/é"));
    assertThat(serde.deserialize("t", serde.serialize("t", c))).isEqualTo(c);
  }

  @Test
  void roundTripsEmptyAndNullEntries() {
    assertThat(serde.deserialize("t", serde.serialize("t", MentionCount.empty())))
        .isEqualTo(MentionCount.empty());
    MentionCount withNull = new MentionCount(1, 1, Arrays.asList("a", null), List.of());
    assertThat(serde.deserialize("t", serde.serialize("t", withNull))).isEqualTo(withNull);
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void aFullSampleIsWrittenBackUnchangedAfterAnUpdate() {
    MentionCount full =
        new MentionCount(2, 2, List.of("a", "b"), List.of("https://a", "https://b"));
    MentionCount read = serde.deserialize("t", serde.serialize("t", full));
    MentionCount updated = read.add(new MentionEvent("c", "https://c", 3), 2);

    MentionCount again = serde.deserialize("t", serde.serialize("t", updated));
    assertThat(again).isEqualTo(new MentionCount(5, 3, full.articleIds(), full.links()));
    assertThat(again.articleIds()).containsExactly("a", "b");
  }

  @Test
  void aSampleWithRoomGrowsAfterAnUpdate() {
    MentionCount read =
        serde.deserialize(
            "t", serde.serialize("t", new MentionCount(1, 1, List.of("a"), List.of())));
    MentionCount updated = read.add(new MentionEvent("b", "https://b", 1), 10);
    assertThat(serde.deserialize("t", serde.serialize("t", updated)))
        .isEqualTo(new MentionCount(2, 2, List.of("a", "b"), List.of("https://b")));
  }

  @Test
  void readsValuesWrittenAsJsonByEarlierVersions() {
    MentionCount c = new MentionCount(4, 2, List.of("a", "b"), List.of("https://a.example"));
    byte[] json = JsonSerde.of(MentionCount.class).serialize("t", c);
    assertThat(serde.deserialize("t", json)).isEqualTo(c);
  }

  @Test
  void rejectsTruncatedValuesWithAClearError() {
    byte[] bytes = serde.serialize("t", new MentionCount(1, 1, List.of("abc"), List.of()));
    assertThatThrownBy(() -> serde.deserialize("t", Arrays.copyOf(bytes, bytes.length - 2)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("MentionCount");
  }

  @Test
  void isSmallerThanJsonForAFullSample() {
    List<String> ids = List.of("https://outlet.example/articles/1", "https://outlet.example/a/2");
    MentionCount c = new MentionCount(12, 10, ids, ids);
    assertThat(serde.serialize("t", c).length)
        .isLessThan(JsonSerde.of(MentionCount.class).serialize("t", c).length);
  }
}
