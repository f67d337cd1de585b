package io.stancestream.producer.parse;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Outlet names from domains: {@code https://www.foreignaffairs.com/x} gives {@code
 * foreignaffairs.com}; a site name found in the text ("Foreign Affairs") is preferred when the page
 * or scrape gives one, which {@link #matchesDomain} recognises.
 */
public final class Outlets {

  private static final Pattern DOMAIN =
      Pattern.compile("^(?:www\\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$");

  private Outlets() {}

  /** True for a bare domain such as {@code foreignaffairs.com} or {@code www.bbc.co.uk}. */
  public static boolean isDomain(String text) {
    return text != null && DOMAIN.matcher(text.strip().toLowerCase(Locale.ROOT)).matches();
  }

  /** The domain without {@code www.}, lower-cased. */
  public static String cleanDomain(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    return d.startsWith("www.") ? d.substring(4) : d;
  }

  /** The host of an http(s) URL without {@code www.}. */
  public static Optional<String> domainOf(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      String host = new URI(url.strip()).getHost();
      return host == null ? Optional.empty() : Optional.of(cleanDomain(host));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * True when a site name spells the domain's name part: "Foreign Affairs" for {@code
   * foreignaffairs.com}, "The Atlantic" for {@code theatlantic.com}.
   */
  public static boolean matchesDomain(String name, String domain) {
    if (name == null || domain == null) {
      return false;
    }
    String label = cleanDomain(domain).split("\\.")[0].replace("-", "");
    String letters = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return !letters.isEmpty()
        && (letters.equals(label)
            || ("the" + letters).equals(label)
            || letters.equals("the" + label));
  }
}
