package io.stancestream.streams.windows;

/**
 * One article's mentions of one topic, keyed by topic on the {@code mentions-by-topic} repartition
 * topic.
 */
public record MentionEvent(String articleId, String url, int count) {}
