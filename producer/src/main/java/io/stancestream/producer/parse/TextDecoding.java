package io.stancestream.producer.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict decoding of input bytes. Invalid UTF-8 is <em>rejected</em>, not repaired with U+FFFD: a
 * scorer fed replacement characters would silently score damaged text, so the input is reported
 * with the line and column of the first bad byte and the user fixes or re-encodes it. A UTF-8 or
 * UTF-16 byte-order mark is honoured and removed.
 */
public final class TextDecoding {

  private TextDecoding() {}

  /** Thrown when bytes are not valid in the charset; the message names line, column and byte. */
  public static final class UndecodableException extends Exception {
    private final int line;

    UndecodableException(String message, int line) {
      super(message);
      this.line = line;
    }

    /** 1-based line of the first undecodable byte. */
    public int line() {
      return line;
    }
  }

  /** Decodes UTF-8 (or UTF-16 when a BOM says so) strictly. */
  public static String decode(byte[] bytes) throws UndecodableException {
    return decode(bytes, null);
  }

  /** Decodes strictly with {@code charset}, or UTF-8/BOM detection when it is null. */
  public static String decode(byte[] bytes, Charset charset) throws UndecodableException {
    int offset = 0;
    Charset cs = charset != null ? charset : StandardCharsets.UTF_8;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
      cs = StandardCharsets.UTF_8;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      offset = 2;
      cs = StandardCharsets.UTF_16BE;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      offset = 2;
      cs = StandardCharsets.UTF_16LE;
    }
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * 1.1) + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isOverflow()) {
      throw new IllegalStateException("decode buffer too small");
    }
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = offset;
      for (int i = offset; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new UndecodableException(
          String.format(
              "invalid %s at line %d, column %d (byte 0x%02X); re-encode the file as UTF-8",
              cs.name(), line, bad - lineStart + 1, bytes[bad] & 0xFF),
          line);
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** True when the bytes look binary (a NUL in the first 8 KiB and no UTF-16 BOM). */
  public static boolean looksBinary(byte[] bytes) {
    if (bytes.length >= 2
        && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
            || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE))) {
      return false;
    }
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
