package io.stancestream.streams.validate;

/**
 * Why a record went to the dead-letter topic: the machine-readable {@link #code()} is the {@code
 * reason} field of {@code DeadLetter}, stable for operators' filters and dashboards.
 */
public enum RejectReason {
  /** The record has no value (a tombstone). */
  NULL_VALUE("null-value"),
  /** The bytes are not valid UTF-8, or the text holds unpaired UTF-16 surrogates. */
  INVALID_UTF8("invalid-utf8"),
  /** The bytes are not JSON: a syntax error, a truncated document, an empty value. */
  INVALID_JSON("invalid-json"),
  /** JSON beyond the parser's limits, e.g. nested deeper than allowed. */
  JSON_LIMITS_EXCEEDED("json-limits-exceeded"),
  /** Valid JSON, but not an object. */
  NOT_AN_OBJECT("not-an-object"),
  /** A field has the wrong type, e.g. a date that is not an instant or a body that is an object. */
  WRONG_TYPE("wrong-type"),
  /** A {@code schemaVersion} newer than this application understands, or negative. */
  UNSUPPORTED_SCHEMA_VERSION("unsupported-schema-version"),
  /** No {@code id}, or a blank one. */
  MISSING_ID("missing-id"),
  /** No {@code body} field. */
  MISSING_BODY("missing-body"),
  /** A body that is empty or only whitespace. */
  EMPTY_BODY("empty-body"),
  /** A body longer than {@code article.max.body.chars}. */
  BODY_TOO_LARGE("body-too-large"),
  /** Control characters (other than tab, line feed, carriage return) in a text field. */
  CONTROL_CHARACTERS("control-characters"),
  /** The key or value could not be deserialized at the source (deserialization handler). */
  DESERIALIZATION_FAILED("deserialization-failed"),
  /** A processor threw while handling the record (processing exception handler). */
  PROCESSING_FAILED("processing-failed");

  private final String code;

  RejectReason(String code) {
    this.code = code;
  }

  /** The kebab-case code written to {@code DeadLetter.reason}. */
  public String code() {
    return code;
  }
}
