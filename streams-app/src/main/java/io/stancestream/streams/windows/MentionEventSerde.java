package io.stancestream.streams.windows;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@link MentionEvent} on the {@code mentions-by-topic} repartition topic, about a dozen per
 * article: format byte {@value #FORMAT}, article id, url (length-prefixed UTF-8, -1 for null) and
 * count.
 */
public final class MentionEventSerde extends CompactSerde<MentionEvent> {

  static final byte FORMAT = 1;

  public MentionEventSerde() {
    super(MentionEvent.class, FORMAT);
  }

  @Override
  void write(MentionEvent e, DataOutput out) throws IOException {
    writeString(out, e.articleId());
    writeString(out, e.url());
    out.writeInt(e.count());
  }

  @Override
  MentionEvent read(DataInput in) throws IOException {
    return new MentionEvent(readString(in), readString(in), in.readInt());
  }
}
