package io.stancestream.producer.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Stable article ids, so publishing the same article twice never creates a second identity: the
 * canonical URL when one is known (lower-case scheme and host, no default port, no fragment, no
 * {@code utm_*} or click-id parameters, no trailing slash), else {@code sha256:} and the hex
 * SHA-256 of the body with whitespace collapsed and lower-cased.
 */
public final class ArticleIds {

  public static final String HASH_PREFIX = "sha256:";

  private ArticleIds() {}

  /** The id for an article with this (possibly null) URL and body. */
  public static String idFor(String url, String body) {
    return canonicalUrl(url).orElseGet(() -> contentHash(body));
  }

  /** The normalised http(s) URL, or empty when {@code url} is not an absolute http(s) URL. */
  public static Optional<String> canonicalUrl(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(scheme).append("://");
    out.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    if (port != -1
        && !(scheme.equals("http") && port == 80)
        && !(scheme.equals("https") && port == 443)) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    out.append(path);
    String query = uri.getRawQuery();
    if (query != null) {
      StringJoiner kept = new StringJoiner("&");
      for (String param : query.split("&")) {
        String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
        if (!param.isEmpty() && !isTrackingParameter(name)) {
          kept.add(param);
        }
      }
      if (kept.length() > 0) {
        out.append('?').append(kept);
      }
    }
    return Optional.of(out.toString());
  }

  private static boolean isTrackingParameter(String name) {
    return name.startsWith("utm_")
        || name.equals("fbclid")
        || name.equals("gclid")
        || name.equals("mc_cid")
        || name.equals("mc_eid");
  }

  /** {@code sha256:<hex>} of the whitespace-collapsed, lower-cased text. */
  public static String contentHash(String body) {
    String normalised =
        (body == null ? "" : body).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
      return HASH_PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
