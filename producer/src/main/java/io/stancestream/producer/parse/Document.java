package io.stancestream.producer.parse;

import java.net.URI;

/**
 * The raw bytes of one input document before parsing: a file, stdin, an HTTP response or an ingest
 * request body. {@code name} (a file name or URL path) and {@code contentType} guide format
 * detection; {@code baseUri} is the page address when it came over HTTP.
 */
public record Document(
    String location, byte[] bytes, String name, String contentType, URI baseUri) {

  public static Document of(String location, byte[] bytes, String name) {
    return new Document(location, bytes, name, null, null);
  }
}
