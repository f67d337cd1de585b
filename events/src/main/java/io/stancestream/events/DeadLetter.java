package io.stancestream.events;

import java.time.Instant;

/**
 * A record that could not be parsed or validated, on the {@code articles-dlq} topic.
 *
 * <p>Nothing is lost: {@link #originalValue()} holds the exact bytes that arrived (base64 in JSON),
 * and the source coordinates let an operator find, fix and replay it.
 *
 * @param reason a short machine-readable code, e.g. {@code invalid-json} or {@code empty-body}
 * @param detail a human-readable explanation
 */
public record DeadLetter(
    int schemaVersion,
    String reason,
    String detail,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String originalKey,
    byte[] originalValue,
    Instant failedAt) {

  public static final int SCHEMA_VERSION = 1;
}
