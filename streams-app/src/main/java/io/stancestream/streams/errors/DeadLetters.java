package io.stancestream.streams.errors;

import io.stancestream.events.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Builds {@link DeadLetter}s the same way for the validator and both exception handlers, capping
 * the copy of the original value so that a huge poison record cannot make the dead letter itself
 * too large to produce (which would stop the application).
 */
public final class DeadLetters {

  /** Setting (passed to the handlers through the streams config) for the cap below. */
  public static final String MAX_ORIGINAL_BYTES_CONFIG = "stancestream.dlq.max.original.bytes";

  /** Originals up to 2 MiB are kept whole; the DLQ topic allows 8 MiB messages (base64 +33%). */
  public static final int DEFAULT_MAX_ORIGINAL_BYTES = 2 * 1024 * 1024;

  private DeadLetters() {}

  /**
   * A dead letter; when {@code original} is longer than {@code maxOriginalBytes} only its head is
   * kept and the detail says so.
   */
  public static DeadLetter of(
      String reason,
      String detail,
      String sourceTopic,
      int sourcePartition,
      long sourceOffset,
      String originalKey,
      byte[] original,
      Instant failedAt,
      int maxOriginalBytes) {
    byte[] kept = original;
    String fullDetail = detail;
    if (original != null && original.length > maxOriginalBytes) {
      kept = Arrays.copyOf(original, maxOriginalBytes);
      fullDetail =
          detail
              + " [original value truncated to its first "
              + maxOriginalBytes
              + " of "
              + original.length
              + " bytes]";
    }
    return new DeadLetter(
        DeadLetter.SCHEMA_VERSION,
        reason,
        fullDetail,
        sourceTopic,
        sourcePartition,
        sourceOffset,
        originalKey,
        kept,
        failedAt);
  }

  /** The key as text, or null: keys on our topics are UTF-8 strings. */
  public static String keyText(byte[] rawKey) {
    return rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
  }
}
