package io.stancestream.streams.windows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of strings kept in its serialized form (a 4-byte count, then each string as a
 * 4-byte length, -1 for null, and UTF-8 bytes) and decoded only when an element is read. {@link
 * MentionCountSerde} reads sample lists into it and, when a list comes back unchanged, writes the
 * same bytes out again without decoding them.
 */
final class EncodedStrings extends AbstractList<String> implements RandomAccess {

  private final byte[] bytes;
  private final int offset;
  private final int length;
  private final int[] starts;

  private EncodedStrings(byte[] bytes, int offset, int length, int[] starts) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.starts = starts;
  }

  /** Reads one encoded list at the buffer's position (which moves past it), without decoding. */
  static EncodedStrings read(ByteBuffer buf) {
    int begin = buf.position();
    int n = buf.getInt();
    if (n < 0 || n > buf.remaining() / 4) {
      throw new IllegalArgumentException("bad list length " + n);
    }
    int[] starts = new int[n];
    for (int i = 0; i < n; i++) {
      starts[i] = buf.position();
      int len = buf.getInt();
      if (len > buf.remaining()) {
        throw new IllegalArgumentException("bad string length " + len);
      }
      if (len > 0) {
        buf.position(buf.position() + len);
      }
    }
    return new EncodedStrings(buf.array(), begin, buf.position() - begin, starts);
  }

  /** {@code values} in encoded form: itself if it already is, else encoded now. */
  static EncodedStrings of(List<String> values) {
    if (values instanceof EncodedStrings e) {
      return e;
    }
    List<String> list = values == null ? List.of() : values;
    byte[][] utf8 = new byte[list.size()][];
    int size = 4;
    for (int i = 0; i < utf8.length; i++) {
      String v = list.get(i);
      utf8[i] = v == null ? null : v.getBytes(StandardCharsets.UTF_8);
      size += 4 + (v == null ? 0 : utf8[i].length);
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    buf.putInt(utf8.length);
    for (byte[] v : utf8) {
      if (v == null) {
        buf.putInt(-1);
      } else {
        buf.putInt(v.length).put(v);
      }
    }
    buf.flip();
    return read(buf);
  }

  int encodedLength() {
    return length;
  }

  void writeTo(ByteBuffer buf) {
    buf.put(bytes, offset, length);
  }

  @Override
  public String get(int index) {
    int at = starts[index];
    int len = ByteBuffer.wrap(bytes, at, 4).getInt();
    return len < 0 ? null : new String(bytes, at + 4, len, StandardCharsets.UTF_8);
  }

  @Override
  public int size() {
    return starts.length;
  }
}
