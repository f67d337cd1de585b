package io.stancestream.streams.windows;

import io.stancestream.events.StanceLabel;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@link StanceSample} on the {@code stance-by-outlet} repartition topic, two per article: format
 * byte {@value #FORMAT}, article id and label name (length-prefixed UTF-8, -1 for null), score and
 * confidence.
 */
public final class StanceSampleSerde extends CompactSerde<StanceSample> {

  static final byte FORMAT = 1;

  public StanceSampleSerde() {
    super(StanceSample.class, FORMAT);
  }

  @Override
  void write(StanceSample s, DataOutput out) throws IOException {
    writeString(out, s.articleId());
    writeString(out, s.label() == null ? null : s.label().name());
    out.writeDouble(s.score());
    out.writeDouble(s.confidence());
  }

  @Override
  StanceSample read(DataInput in) throws IOException {
    String id = readString(in);
    String label = readString(in);
    return new StanceSample(
        id, label == null ? null : StanceLabel.valueOf(label), in.readDouble(), in.readDouble());
  }
}
