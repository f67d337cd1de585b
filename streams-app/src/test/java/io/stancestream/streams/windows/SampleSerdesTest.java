package io.stancestream.streams.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceLabel;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The compact serdes of the mention and stance samples on the repartition topics. */
class SampleSerdesTest {

  private final MentionEventSerde mentions = new MentionEventSerde();
  private final StanceSampleSerde stances = new StanceSampleSerde();

  @Test
  void mentionEventsRoundTripWithAndWithoutUrl() {
    for (MentionEvent e :
        new MentionEvent[] {
          new MentionEvent("a-1", "https://x.example/ü?q=1", 3),
          new MentionEvent("é-2", null, Integer.MAX_VALUE),
          new MentionEvent(null, "", 0)
        }) {
      assertThat(mentions.deserialize("t", mentions.serialize("t", e))).isEqualTo(e);
    }
    assertThat(mentions.serialize("t", null)).isNull();
    assertThat(mentions.deserialize("t", null)).isNull();
  }

  @Test
  void stanceSamplesRoundTripEveryLabel() {
    for (StanceLabel label : StanceLabel.values()) {
      StanceSample s = new StanceSample("id-" + label, label, -0.4375, 0.8125);
      assertThat(stances.deserialize("t", stances.serialize("t", s))).isEqualTo(s);
    }
    StanceSample unlabelled = new StanceSample("x", null, 0.0, 0.0);
    assertThat(stances.deserialize("t", stances.serialize("t", unlabelled))).isEqualTo(unlabelled);
  }

  @Test
  void smallerThanJson() {
    MentionEvent e = new MentionEvent("a1b2c3d4e5", "https://outlet.example/news/2025/06/x", 2);
    assertThat(mentions.serialize("t", e).length)
        .isLessThan(JsonSerde.of(MentionEvent.class).serialize("t", e).length);
  }

  @Test
  void readsRecordsWrittenAsJsonByEarlierVersions() {
    MentionEvent e = new MentionEvent("a", "https://a.example", 4);
    assertThat(mentions.deserialize("t", JsonSerde.of(MentionEvent.class).serialize("t", e)))
        .isEqualTo(e);
    StanceSample s = new StanceSample("b", StanceLabel.AGAINST, -0.5, 0.75);
    assertThat(stances.deserialize("t", JsonSerde.of(StanceSample.class).serialize("t", s)))
        .isEqualTo(s);
  }

  @Test
  void corruptOrTruncatedRecordsFailWithTheTopicAndType() {
    byte[] good = mentions.serialize("t", new MentionEvent("abc", "https://a", 1));
    for (int cut = 1; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> mentions.deserialize("mentions-by-topic", truncated))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("MentionEvent")
          .hasMessageContaining("mentions-by-topic");
    }
    byte[] unknownFormat = good.clone();
    unknownFormat[0] = 9;
    assertThatThrownBy(() -> mentions.deserialize("t", unknownFormat))
        .hasMessageContaining("unknown format 9");
    byte[] longer = Arrays.copyOf(good, good.length + 2);
    assertThatThrownBy(() -> mentions.deserialize("t", longer)).hasMessageContaining("left over");
    byte[] badLabel = stances.serialize("t", new StanceSample("x", StanceLabel.FAVOR, 0, 0));
    badLabel[1 + 4 + 1 + 4] = 'Z'; // first byte of the label name
    assertThatThrownBy(() -> stances.deserialize("t", badLabel))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("StanceSample");
  }
}
