package io.stancestream.producer.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text scrape format of the seeds. The body is the whole text as read (the analyzer
 * removes site chrome at scoring time); this parser only extracts metadata:
 *
 * <ul>
 *   <li>A scrape whose first line is a bare domain has a header: title lines (sometimes a truncated
 *       duplicate), the outlet name, title, subtitle, then a date line. The outlet is the header
 *       line that spells the domain ("Foreign Affairs" for {@code foreignaffairs.com}), else the
 *       domain; the title is the first header line that is neither the outlet nor a fragment of
 *       another header line.
 *   <li>A scrape without that header takes its first line as title.
 *   <li>The author comes from a bio line in capitals ("CHARLES KUPCHAN is Professor ..."), an
 *       "About the Author: Dr. Andrew Latham" line or a "By Jane Doe" line.
 *   <li>When all "Pingback: ... - Site Name" lines name the same site, that site is taken as the
 *       outlet of a scrape that names none: pingbacks on a news site are its own other articles.
 * </ul>
 */
public final class ScrapeTextParser {

  private static final int HEADER_LINES = 15;
  private static final int TITLE_MAX = 300;

  private static final Pattern BIO_LINE =
      Pattern.compile(
          "^((?:[A-Z][A-Z.'’\\-]*\\s+){1,4}[A-Z][A-Z'’\\-]+"
              + "(?:\\s+(?:and|AND)\\s+(?:[A-Z][A-Z.'’\\-]*\\s+){1,4}[A-Z][A-Z'’\\-]+)?)"
              + ",?\\s+(?:is|are|was|were)\\s.*");
  private static final Pattern ABOUT_AUTHOR =
      Pattern.compile("^About the Authors?\\s*[:\\-–—]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BY_LINE =
      Pattern.compile(
          "^By\\s+([A-Z][\\p{L}.'’\\-]+(?:\\s+(?:and\\s+)?[A-Z][\\p{L}.'’\\-]+){0,5})$");
  private static final Pattern HONORIFIC =
      Pattern.compile("^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Gen|Col|Amb)\\.?\\s+");
  private static final Pattern PINGBACK =
      Pattern.compile("^Pingback:\\s*.+\\s[-–—|]\\s+([^-–—|]+?)\\s*$");
  private static final Set<String> CHROME =
      Set.of("listen", "share", "share &", "download", "print", "save", "comments", "subscribe");

  /** Extracts metadata from a scrape; the body is the scrape text itself. */
  public RawArticle parse(String text, String location) {
    List<String> lines = text.lines().map(String::strip).toList();
    int first = 0;
    while (first < lines.size() && lines.get(first).isEmpty()) {
      first++;
    }
    String title = null;
    String outlet = null;
    String date = null;
    int headerEnd = Math.min(lines.size(), first + HEADER_LINES);
    if (first < lines.size() && Outlets.isDomain(lines.get(first))) {
      String domain = Outlets.cleanDomain(lines.get(first));
      List<String> header = new ArrayList<>();
      for (int i = first + 1; i < headerEnd; i++) {
        String line = lines.get(i);
        if (line.isEmpty()) {
          continue;
        }
        if (NewsDates.isDateLine(line)) {
          date = line;
          break;
        }
        if (CHROME.contains(line.toLowerCase(Locale.ROOT)) || BIO_LINE.matcher(line).matches()) {
          break;
        }
        header.add(line);
      }
      outlet =
          header.stream().filter(l -> Outlets.matchesDomain(l, domain)).findFirst().orElse(domain);
      String siteName = outlet;
      title =
          header.stream()
              .filter(l -> !l.equals(siteName))
              .filter(l -> header.stream().noneMatch(o -> o.length() > l.length() && o.contains(l)))
              .findFirst()
              .orElse(null);
    } else if (first < lines.size()) {
      title = lines.get(first);
      for (int i = first + 1; i < headerEnd && date == null; i++) {
        if (NewsDates.isDateLine(lines.get(i))) {
          date = lines.get(i);
        }
      }
    }
    if (outlet == null) {
      outlet = outletFromPingbacks(lines);
    }
    return new RawArticle(
        location, null, shorten(title), outlet, author(lines, first, headerEnd), date, null, text);
  }

  private static String author(List<String> lines, int first, int headerEnd) {
    for (int i = first; i < Math.min(lines.size(), headerEnd + 5); i++) {
      Matcher bio = BIO_LINE.matcher(lines.get(i));
      if (bio.matches()) {
        return titleCase(bio.group(1));
      }
    }
    for (String line : lines) {
      Matcher about = ABOUT_AUTHOR.matcher(line);
      if (about.matches()) {
        return HONORIFIC.matcher(about.group(1).strip()).replaceFirst("");
      }
    }
    for (int i = first; i < headerEnd; i++) {
      Matcher by = BY_LINE.matcher(lines.get(i));
      if (by.matches()) {
        return by.group(1);
      }
    }
    return null;
  }

  private static String outletFromPingbacks(List<String> lines) {
    Set<String> sites = new LinkedHashSet<>();
    int count = 0;
    for (String line : lines) {
      Matcher m = PINGBACK.matcher(line);
      if (m.matches()) {
        sites.add(m.group(1));
        count++;
      }
    }
    return count >= 2 && sites.size() == 1 ? sites.iterator().next() : null;
  }

  /** "CHARLES KUPCHAN" -> "Charles Kupchan", "JEAN-PIERRE O’NEIL" -> "Jean-Pierre O’Neil". */
  static String titleCase(String upper) {
    StringBuilder out = new StringBuilder(upper.length());
    boolean startOfWord = true;
    for (char c : upper.strip().replaceAll("\\s+", " ").toCharArray()) {
      if (Character.isLetter(c)) {
        out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
        startOfWord = false;
      } else {
        out.append(c);
        startOfWord = c == ' ' || c == '-' || c == '\'' || c == '’' || c == '.';
      }
    }
    return out.toString().replace(" And ", " and ");
  }

  private static String shorten(String title) {
    if (title == null || title.length() <= TITLE_MAX) {
      return title;
    }
    int cut = title.lastIndexOf(' ', TITLE_MAX);
    return title.substring(0, cut > 0 ? cut : TITLE_MAX) + "…";
  }
}
