package io.stancestream.producer.parse;

import io.stancestream.producer.Rejection;

/** What a format parser produced for one article: the raw fields, or why it could not read them. */
public record Extracted(RawArticle article, Rejection rejection) {

  public static Extracted of(RawArticle article) {
    return new Extracted(article, null);
  }

  public static Extracted failed(String location, String reason) {
    return new Extracted(null, new Rejection(location, reason));
  }

  public String location() {
    return article != null ? article.location() : rejection.location();
  }
}
