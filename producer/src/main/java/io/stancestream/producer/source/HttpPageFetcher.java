package io.stancestream.producer.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link PageFetcher} on {@code java.net.http.HttpClient}: follows redirects, sends {@code
 * If-None-Match} / {@code If-Modified-Since} when validators are given, and bounds each request by
 * a timeout. Bodies larger than the limit are cut off and reported as an error status.
 */
public final class HttpPageFetcher implements PageFetcher {

  public static final String USER_AGENT = "StanceStream/0.1 (+https://github.com/stancestream)";

  private final HttpClient client;
  private final Duration timeout;

  public HttpPageFetcher(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(timeout)
            .build();
  }

  @Override
  public FetchResult fetch(URI uri, String etag, String lastModified)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .header(
                "Accept",
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                    + "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5")
            .GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    HttpResponse<byte[]> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new FetchResult(
        response.statusCode(),
        response.body() == null ? new byte[0] : response.body(),
        response.headers().firstValue("Content-Type").orElse(null),
        response.headers().firstValue("ETag").orElse(null),
        response.headers().firstValue("Last-Modified").orElse(null),
        response.uri());
  }
}
