package io.stancestream.producer;

import io.stancestream.events.Article;
import java.util.concurrent.CompletableFuture;

/**
 * Where validated articles go: the {@code articles} topic in production ({@link KafkaArticleSink}).
 * The future completes when the article is durably written (acknowledged), or exceptionally.
 */
public interface ArticleSink extends AutoCloseable {

  CompletableFuture<Void> send(Article article);

  /** Blocks until every article sent so far is acknowledged or failed. */
  void flush();

  @Override
  void close();
}
