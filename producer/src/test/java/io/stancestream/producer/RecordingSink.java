package io.stancestream.producer;

import io.stancestream.events.Article;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A sink that keeps what it is sent; articles matching {@code failWhen} fail like a broker error.
 */
public final class RecordingSink implements ArticleSink {

  public final List<Article> sent = new CopyOnWriteArrayList<>();
  private final Predicate<Article> failWhen;
  public volatile boolean closed;

  public RecordingSink() {
    this(a -> false);
  }

  public RecordingSink(Predicate<Article> failWhen) {
    this.failWhen = failWhen;
  }

  @Override
  public CompletableFuture<Void> send(Article article) {
    if (failWhen.test(article)) {
      return CompletableFuture.failedFuture(new IllegalStateException("broker said no"));
    }
    sent.add(article);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    closed = true;
  }
}
