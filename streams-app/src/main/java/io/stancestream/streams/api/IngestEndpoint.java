package io.stancestream.streams.api;

import java.util.List;
import java.util.Map;

/**
 * What the query server needs to serve {@code POST /articles}: request in, response out. The
 * producer module's {@code IngestHandler} does the work; the launcher adapts it, so this module
 * does not depend on the producer:
 *
 * <pre>{@code
 * IngestEndpoint ingest = (body, type, headers) -> {
 *   IngestHandler.Response r = handler.handle(body, type, headers);
 *   return new IngestEndpoint.Reply(r.status(), r.contentType(), r.body());
 * };
 * }</pre>
 */
@FunctionalInterface
public interface IngestEndpoint {

  /** An HTTP response: status, content type and body. */
  record Reply(int status, String contentType, byte[] body) {}

  /**
   * Handles one request body.
   *
   * @param headers request headers by name (names as sent)
   */
  Reply handle(byte[] body, String contentType, Map<String, List<String>> headers);

  /** The largest body the endpoint accepts, in bytes; larger requests get 413 unread. */
  default int maxBytes() {
    return 10 * 1024 * 1024;
  }
}
