package io.stancestream.producer.source;

import java.io.IOException;
import java.net.URI;

/** Fetches a page or feed over HTTP, optionally as a conditional GET. */
public interface PageFetcher {

  /**
   * GET {@code uri}; {@code etag} and {@code lastModified} (either may be null) make it
   * conditional.
   */
  FetchResult fetch(URI uri, String etag, String lastModified)
      throws IOException, InterruptedException;

  default FetchResult fetch(URI uri) throws IOException, InterruptedException {
    return fetch(uri, null, null);
  }
}
