package io.stancestream.streams.validate;

import io.stancestream.events.Article;
import io.stancestream.events.DeadLetter;

/**
 * What the validator made of one {@code articles} record: exactly one of {@link #article()} and
 * {@link #deadLetter()} is set. Lives only between the validator and the split that follows it.
 */
public record Validation(Article article, DeadLetter deadLetter) {

  public static Validation valid(Article article) {
    return new Validation(article, null);
  }

  public static Validation rejected(DeadLetter deadLetter) {
    return new Validation(null, deadLetter);
  }

  public boolean isValid() {
    return article != null;
  }
}
