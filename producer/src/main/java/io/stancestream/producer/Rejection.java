package io.stancestream.producer;

/**
 * One input that was not published, with where it came from ({@code file:line}, a URL, {@code
 * stdin:line} or {@code POST /articles}) and why. Every rejection is reported; none is silent.
 */
public record Rejection(String location, String reason) {

  @Override
  public String toString() {
    return location + ": " + reason;
  }
}
