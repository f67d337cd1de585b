package io.stancestream.streams.windows;

import io.stancestream.events.JsonSerde;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary serde for a small record that crosses a repartition topic many times per
 * article (the mention and stance samples): a format byte, then the fields as {@link DataOutput}
 * writes them. Serializing and parsing JSON for them cost more than the window aggregations they
 * feed. Values written as JSON by earlier versions start with {@code '{'} and are still read, so
 * records already in a repartition topic survive an upgrade.
 */
abstract class CompactSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final byte format;
  private final JsonSerde<T> json;

  CompactSerde(Class<T> type, byte format) {
    this.type = type;
    this.format = format;
    this.json = JsonSerde.of(type);
  }

  abstract void write(T value, DataOutput out) throws IOException;

  abstract T read(DataInput in) throws IOException;

  @Override
  public byte[] serialize(String topic, T value) {
    if (value == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(format);
      write(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (bytes.length > 0 && bytes[0] == '{') {
      return json.deserialize(topic, bytes);
    }
    String what = "cannot read " + type.getSimpleName() + " from " + topic;
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      byte f = in.readByte();
      if (f != format) {
        throw new SerializationException(what + ": unknown format " + f);
      }
      T value = read(in);
      if (in.available() > 0) {
        throw new SerializationException(what + ": " + in.available() + " bytes left over");
      }
      return value;
    } catch (IOException | IllegalArgumentException e) {
      throw new SerializationException(what + ": truncated or corrupt value", e);
    }
  }

  /** Writes a string that may be null: a length (-1 for null), then its UTF-8 bytes. */
  static void writeString(DataOutput out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < -1) {
      throw new IllegalArgumentException("negative string length " + n);
    }
    if (n == -1) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}
}
