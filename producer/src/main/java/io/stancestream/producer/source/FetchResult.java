package io.stancestream.producer.source;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * One HTTP response as the producer needs it: status, body, content type, the validators for the
 * next conditional GET ({@code ETag}, {@code Last-Modified}) and the final URI after redirects.
 */
public record FetchResult(
    int status, byte[] body, String contentType, String etag, String lastModified, URI finalUri) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public boolean notModified() {
    return status == 304;
  }

  /** The charset named in the content type, or null. */
  public Charset charset() {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }
}
