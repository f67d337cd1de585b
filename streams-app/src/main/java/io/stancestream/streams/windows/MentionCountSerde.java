package io.stancestream.streams.windows;

import io.stancestream.events.JsonSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for {@link MentionCount}, the value of the mention window stores (and of
 * their changelogs and suppression buffers). Each article updates one tumbling and 24 hopping
 * windows per topic it mentions, and every update reads and writes the stored value, so this
 * serde runs ~150 times per article; with Jackson it was the largest cost of the topology
 * ({@code docs/performance.md}).
 *
 * <p>Layout: format byte {@value #FORMAT}, count and articles (8 bytes each), then the article ids
 * and the links, each a 4-byte count followed by length-prefixed UTF-8 strings (length -1 for
 * null). Values written as JSON by earlier versions start with {@code '{'} and are still read.
 *
 * <p>Once a window's sample is full, {@link MentionCount#add} keeps its lists as they are; so the
 * lists are read lazily ({@link EncodedStrings}) and written back as the same bytes, and a busy
 * window's update costs two small copies instead of decoding and encoding every sample string.
 */
public final class MentionCountSerde
    implements Serde<MentionCount>, Serializer<MentionCount>, Deserializer<MentionCount> {

  static final byte FORMAT = 1;

  private static final JsonSerde<MentionCount> JSON = JsonSerde.of(MentionCount.class);

  @Override
  public byte[] serialize(String topic, MentionCount c) {
    if (c == null) {
      return null;
    }
    EncodedStrings ids = EncodedStrings.of(c.articleIds());
    EncodedStrings links = EncodedStrings.of(c.links());
    ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 8 + ids.encodedLength() + links.encodedLength());
    buf.put(FORMAT).putLong(c.count()).putLong(c.articles());
    ids.writeTo(buf);
    links.writeTo(buf);
    return buf.array();
  }

  @Override
  public MentionCount deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length > 0 && bytes[0] == '{') {
      return JSON.deserialize(topic, bytes);
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      byte format = buf.get();
      if (format != FORMAT) {
        throw new SerializationException(
            "cannot read MentionCount from " + topic + ": unknown format " + format);
      }
      long count = buf.getLong();
      long articles = buf.getLong();
      List<String> ids = EncodedStrings.read(buf);
      List<String> links = EncodedStrings.read(buf);
      return new MentionCount(count, articles, ids, links);
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new SerializationException(
          "cannot read MentionCount from " + topic + ": truncated or corrupt value", e);
    }
  }

  @Override
  public Serializer<MentionCount> serializer() {
    return this;
  }

  @Override
  public Deserializer<MentionCount> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
