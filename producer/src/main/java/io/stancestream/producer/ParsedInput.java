package io.stancestream.producer;

import io.stancestream.events.Article;

/**
 * One article read from an input after parse, normalise and validate: either a publishable {@link
 * Article} (with its stable id) or the {@link Rejection} saying why it cannot be published.
 */
public record ParsedInput(String location, Article article, Rejection rejection) {

  public ParsedInput {
    if ((article == null) == (rejection == null)) {
      throw new IllegalArgumentException("exactly one of article and rejection must be set");
    }
  }

  public static ParsedInput accepted(String location, Article article) {
    return new ParsedInput(location, article, null);
  }

  public static ParsedInput rejected(String location, String reason) {
    return new ParsedInput(location, null, new Rejection(location, reason));
  }

  public boolean isRejected() {
    return rejection != null;
  }
}
