package io.stancestream.analysis.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.lexicon.ConfigFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what a scraper drags in around an article (site chrome, share bars, photo credits, author
 * bios, "About the Author" blocks, pingbacks, promo lines, truncated duplicates of the headline)
 * and joins soft-wrapped lines into paragraphs. Works line by line on the original body and returns
 * spans of it ({@link CleanedText}), so offsets always refer to the original. Rules come from
 * {@code cleaning.yaml}. Immutable and thread-safe.
 */
public final class TextCleaner {

  private static final Pattern DOMAIN_LINE =
      Pattern.compile("^(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/\\S*)?$");
  private static final Pattern BIO_START =
      Pattern.compile("^(?:\\p{Lu}[\\p{L}.'\u2019-]*\\s+){1,5}(?:is|was)\\s+(.*)$");
  private static final Pattern DATE_LINE =
      Pattern.compile(
          "^(?:(?:updated|published|posted)[: ]+)?(?:[a-z]+day,?\\s+)?"
              + "(?:[a-z]{3,9}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+[a-z]{3,9}\\.?\\s+\\d{4}"
              + "|\\d{4}-\\d{2}-\\d{2}).*$");

  private static final Set<String> WRAP_WORDS =
      Set.of(
          "the", "a", "an", "of", "to", "and", "or", "but", "that", "in", "on", "for", "with", "is",
          "are", "was", "were", "be", "by", "from", "its", "their", "his", "her", "as", "at",
          "into", "than", "has", "have", "had", "which", "who", "whose", "this", "these", "those",
          "our", "not", "will", "would", "should", "can", "could", "may", "might", "must", "about",
          "over", "after", "before", "between", "toward", "towards", "against", "if", "when",
          "while", "because", "since", "so", "such", "my", "your", "we", "they", "he", "she", "it");

  private final Set<String> chromeLines;
  // The longest chrome line: longer lines are not looked up (hashing every paragraph cost ~4% of
  // the analysis).
  private final int maxChromeChars;
  private final List<String> dropPrefixes;
  private final List<String> promoFragments;
  private final int maxPromoChars;
  private final List<String> authorBlockOpeners;
  private final List<String> bioRoles;
  private final int bioMaxChars;
  private final List<String> creditSuffixes;
  private final int headerZoneLines;
  private final int minFragmentChars;

  /** Builds a cleaner from the {@code cleaning.yaml} found by {@code files}. */
  public TextCleaner(ConfigFiles files) {
    JsonNode n = files.yaml("cleaning.yaml");
    this.chromeLines = new HashSet<>(strings(n, "chrome_lines"));
    this.maxChromeChars = chromeLines.stream().mapToInt(String::length).max().orElse(0);
    this.dropPrefixes = strings(n, "drop_line_prefixes");
    this.promoFragments = strings(n, "promo_fragments");
    this.maxPromoChars = n.path("max_promo_line_chars").asInt(400);
    this.authorBlockOpeners = strings(n, "author_block_openers");
    this.bioRoles = strings(n, "bio_roles");
    this.bioMaxChars = n.path("bio_max_chars").asInt(600);
    this.creditSuffixes = strings(n, "photo_credit_suffixes");
    this.headerZoneLines = n.path("header_zone_lines").asInt(15);
    this.minFragmentChars = n.path("min_fragment_chars").asInt(8);
  }

  private static List<String> strings(JsonNode n, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : n.path(field)) {
      out.add(NormalizedText.foldPhrase(ConfigFiles.entry(v, "cleaning.yaml")));
    }
    return out;
  }

  private record Line(int start, int end, String trimmed, String folded) {}

  /**
   * Cleans {@code body}. {@code title} (may be null) helps to recognise repeated or truncated
   * headline lines; a body line equal to the title is kept and reported as {@link
   * CleanedText#titleSegment()}.
   */
  public CleanedText clean(String title, String body) {
    return clean(title, NormalizedText.of(body));
  }

  /** Cleans a body already folded (the analyzer folds each body once for every stage). */
  public CleanedText clean(String title, NormalizedText normalized) {
    String body = normalized.original();
    List<Line> lines = splitLines(body, normalized.folded());
    String foldedTitle = title == null ? "" : NormalizedText.foldPhrase(title);
    int n = lines.size();
    boolean[] keep = new boolean[n];
    int lastContentLine = n - 1;
    while (lastContentLine >= 0 && lines.get(lastContentLine).trimmed.isEmpty()) {
      lastContentLine--;
    }
    boolean inAuthorBlock = false;
    boolean dropContinuation = false;
    int titleLine = -1;
    for (int i = 0; i < n; i++) {
      Line line = lines.get(i);
      if (line.trimmed.isEmpty()) {
        inAuthorBlock = false;
        dropContinuation = false;
        continue;
      }
      if (inAuthorBlock) {
        continue;
      }
      if (dropContinuation) {
        dropContinuation = !endsSentence(line.trimmed) && line.trimmed.length() < bioMaxChars;
        continue;
      }
      String f = line.folded;
      if (startsWithAny(f, authorBlockOpeners)) {
        inAuthorBlock = true;
        continue;
      }
      boolean headerZone = i < headerZoneLines;
      boolean footerZone = i >= lastContentLine - 10;
      if (isChrome(f) || startsWithAny(f, dropPrefixes) || isPromo(f) || isCaption(line)) {
        continue;
      }
      if (headerZone && DOMAIN_LINE.matcher(f).matches()) {
        continue;
      }
      if ((headerZone || footerZone) && isBio(line)) {
        dropContinuation = !endsSentence(line.trimmed);
        continue;
      }
      if (headerZone) {
        String lineText = NormalizedText.foldPhrase(line.trimmed);
        if (!foldedTitle.isEmpty()
            && titleLine < 0
            && withoutEndPunct(lineText).equals(withoutEndPunct(foldedTitle))) {
          titleLine = i;
        } else if (!endsSentence(line.trimmed)
            && isHeaderFragment(lineText, foldedTitle, lines, i)) {
          continue;
        }
      }
      keep[i] = true;
    }
    return segments(body, lines, keep, titleLine);
  }

  private CleanedText segments(String body, List<Line> lines, boolean[] keep, int titleLine) {
    List<CleanedText.Segment> segments = new ArrayList<>();
    int titleSegment = -1;
    int n = lines.size();
    int i = 0;
    while (i < n) {
      if (!keep[i]) {
        i++;
        continue;
      }
      int first = i;
      Line line = lines.get(i);
      int segStart = line.start;
      int last = i;
      // Scrapes often hard-wrap mid-sentence ("... the\nTrump administration"): join such lines.
      while (last + 1 < n && keep[last + 1] && isSoftWrap(lines.get(last), lines.get(last + 1))) {
        last++;
      }
      Line lastLine = lines.get(last);
      int segEnd = lastLine.end;
      boolean headline = first == last && !endsSentence(line.trimmed) && isHeadlineLike(line);
      if (first == titleLine && last == first) {
        titleSegment = segments.size();
      }
      segments.add(new CleanedText.Segment(segStart, segEnd, headline, first < headerZoneLines));
      i = last + 1;
    }
    return new CleanedText(body, segments, titleSegment);
  }

  private static List<Line> splitLines(String body, String folded) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int len = body.length();
    while (start <= len) {
      int nl = body.indexOf('\n', start);
      int end = nl < 0 ? len : nl;
      int s = start;
      int e = end;
      while (s < e && Character.isWhitespace(body.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
        e--;
      }
      String trimmed = body.substring(s, e);
      lines.add(new Line(s, e, trimmed, folded.substring(s, e)));
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return lines;
  }

  private boolean isChrome(String folded) {
    int end = folded.length();
    while (end > 0 && "&:|>»·• \t".indexOf(folded.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = 0;
    while (start < end && Character.isWhitespace(folded.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(folded.charAt(end - 1))) {
      end--;
    }
    return start == end
        || (end - start <= maxChromeChars && chromeLines.contains(folded.substring(start, end)));
  }

  private boolean isPromo(String folded) {
    return folded.length() <= maxPromoChars && containsAny(folded, promoFragments);
  }

  private boolean isCaption(Line line) {
    if (endsSentence(line.trimmed)) {
      return false;
    }
    String f = line.folded;
    for (String suffix : creditSuffixes) {
      if (f.endsWith(suffix)) {
        int before = f.length() - suffix.length() - 1;
        if (before < 0) {
          return false;
        }
        char c = f.charAt(before);
        if (c == '/' || c == ' ' || c == '(' || c == '|' || c == ',') {
          return f.length() > suffix.length() + 10 || f.contains("/");
        }
      }
    }
    return f.startsWith("(") && f.endsWith(")") && f.contains("photo");
  }

  private boolean isBio(Line line) {
    if (line.trimmed.length() > bioMaxChars) {
      return false;
    }
    var m = BIO_START.matcher(line.trimmed);
    if (!m.matches()) {
      return false;
    }
    String rest = NormalizedText.of(m.group(1)).folded();
    String window = rest.length() > 90 ? rest.substring(0, 90) : rest;
    return containsAny(window, bioRoles);
  }

  private boolean isHeaderFragment(String lineText, String title, List<Line> lines, int index) {
    if (lineText.length() < minFragmentChars) {
      return false;
    }
    if (isFragmentOf(lineText, title)) {
      return true;
    }
    int limit = Math.min(lines.size(), headerZoneLines);
    for (int j = 0; j < limit; j++) {
      if (j != index) {
        String other = lines.get(j).folded;
        if (isFragmentOf(lineText, other)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String withoutEndPunct(String s) {
    int e = s.length();
    while (e > 0 && ".!?:;\"' ".indexOf(s.charAt(e - 1)) >= 0) {
      e--;
    }
    return s.substring(0, e);
  }

  private static boolean isFragmentOf(String fragment, String whole) {
    return whole.length() > fragment.length()
        && (whole.endsWith(fragment) || whole.startsWith(fragment));
  }

  private static boolean isSoftWrap(Line current, Line next) {
    if (endsSentence(current.trimmed) || next.trimmed.isEmpty()) {
      return false;
    }
    String t = current.trimmed;
    char lastChar = t.charAt(t.length() - 1);
    if (lastChar == ',' || lastChar == '-' || lastChar == '\u2014') {
      return true;
    }
    int space = t.lastIndexOf(' ');
    String lastWord = t.substring(space + 1).toLowerCase(Locale.ROOT);
    // A hard-wrapped sentence breaks after a function word ("the\nTrump administration") or
    // continues in lower case; a headline ends in a content word and is followed by a new line.
    boolean lowerCaseEnd = Character.isLowerCase(t.charAt(space + 1));
    if (WRAP_WORDS.contains(lastWord) && (lowerCaseEnd || space < 0)) {
      return true;
    }
    return Character.isLowerCase(next.trimmed.charAt(0)) && t.indexOf(' ') > 0;
  }

  private static boolean isHeadlineLike(Line line) {
    return line.trimmed.length() <= 200;
  }

  static boolean endsSentence(String trimmed) {
    if (trimmed.isEmpty()) {
      return false;
    }
    char c = trimmed.charAt(trimmed.length() - 1);
    if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
      return true;
    }
    if ((c == '"' || c == '\u201D' || c == '\'' || c == '\u2019' || c == ')')
        && trimmed.length() > 1) {
      char p = trimmed.charAt(trimmed.length() - 2);
      return p == '.' || p == '!' || p == '?';
    }
    return false;
  }

  private static boolean startsWithAny(String s, List<String> prefixes) {
    for (String p : prefixes) {
      if (s.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String s, List<String> fragments) {
    for (String p : fragments) {
      if (s.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a kept line looks like a dateline ("June 20, 2025"); used by the scorer to skip it. */
  public static boolean isDateLine(String text) {
    return DATE_LINE.matcher(text.toLowerCase(Locale.ROOT).strip()).matches();
  }
}
