package io.stancestream.analysis.stance;

import io.stancestream.analysis.lexicon.PhraseLexicon.Hit;
import io.stancestream.analysis.text.NormalizedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One text prepared for scoring: its lexicon hits (sorted by start), word tokens and quotation
 * spans, all as offsets into the original text. Built once per article, used by one thread.
 */
final class Source {

  /** A quotation span {@code [start, end)} including its marks; scare = short and speaker-less. */
  record Quote(int start, int end, boolean scare) {}

  private static final int MAX_QUOTE_CHARS = 700;

  /** Capitalised only because they open a sentence: never part of a speaker's name. */
  static final java.util.Set<String> NAME_STOP =
      java.util.Set.of(
          "what",
          "the",
          "a",
          "an",
          "this",
          "that",
          "when",
          "if",
          "but",
          "and",
          "as",
          "in",
          "on",
          "at",
          "for",
          "so",
          "yet",
          "while",
          "after",
          "before",
          "since",
          "then",
          "now",
          "also",
          "meanwhile",
          "however",
          "still",
          "even",
          "why",
          "how",
          "who",
          "where",
          "here",
          "there");

  private static final int SCARE_QUOTE_MAX_TOKENS = 4;

  final String original;
  final String folded;
  // The folded text as characters, for the scanning loops (see NormalizedText#foldedChars).
  private final char[] fc;
  final List<Hit<Tag>> hits;
  final int[] tokStart;
  final int[] tokEnd;
  final int ntok;
  final List<Quote> quotes;

  /** Prepares {@code text}, whose original is the text offsets refer to. */
  Source(NormalizedText text, StanceLexicon lex) {
    this.original = text.original();
    this.folded = text.folded();
    this.fc = text.foldedChars();
    // Sorted by start, then end, as the lexicon reports them.
    this.hits = lex.phrases.find(text);
    char[] f = fc;
    int[] s = new int[Math.max(16, f.length / 4)];
    int[] e = new int[s.length];
    int n = 0;
    int len = f.length;
    int i = 0;
    while (i < len) {
      char c = f[i];
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < len && isWordChar(f, i)) {
        i++;
      }
      if (n == s.length) {
        s = Arrays.copyOf(s, n * 2);
        e = Arrays.copyOf(e, n * 2);
      }
      s[n] = start;
      e[n] = i;
      n++;
    }
    this.tokStart = s;
    this.tokEnd = e;
    this.ntok = n;
    this.quotes = findQuotes();
  }

  private static boolean isWordChar(char[] f, int i) {
    char c = f[i];
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    // Apostrophes and hyphens inside a word ("nato's", "don't", "cease-fire").
    return (c == '\'' || c == '-')
        && i + 1 < f.length
        && Character.isLetterOrDigit(f[i + 1])
        && i > 0
        && Character.isLetterOrDigit(f[i - 1]);
  }

  private List<Quote> findQuotes() {
    List<Quote> out = new ArrayList<>();
    int open = -1;
    // Quotation marks fold to '"', so the folded text tells where the original has one; the
    // original then says which.
    char[] f = fc;
    for (int i = 0; i < f.length; i++) {
      if (f[i] != '"' && f[i] != '\n') {
        continue;
      }
      char c = original.charAt(i);
      boolean opening = c == '\u201C' || (c == '"' && open < 0);
      boolean closing = c == '\u201D' || (c == '"' && open >= 0);
      if (c == '\u201C' && open >= 0 && i - open > MAX_QUOTE_CHARS) {
        open = -1;
      }
      if (open < 0 && opening) {
        open = i;
      } else if (open >= 0 && closing) {
        if (i - open <= MAX_QUOTE_CHARS) {
          int t0 = firstTokenAtOrAfter(open);
          int t1 = lastTokenEndingBy(i);
          int tokens = Math.max(0, t1 - t0 + 1);
          out.add(new Quote(open, i + 1, tokens <= SCARE_QUOTE_MAX_TOKENS));
        }
        open = -1;
      } else if (c == '\n' && open >= 0 && i - open > MAX_QUOTE_CHARS) {
        open = -1;
      }
    }
    findSingleQuotes(out);
    out.sort(java.util.Comparator.comparingInt(Quote::start));
    return out;
  }

  /**
   * British-style quotes (U+2018 ... U+2019), common in headlines. U+2019 is also the apostrophe,
   * so it closes a quote only when no letter follows it.
   */
  private void findSingleQuotes(List<Quote> out) {
    int open = -1;
    char[] f = fc;
    for (int i = 0; i < f.length; i++) {
      if (f[i] != '\'' && f[i] != '\n') {
        continue; // U+2018 and U+2019 fold to an apostrophe
      }
      char c = original.charAt(i);
      if (c == '\u2018' && (i == 0 || !Character.isLetterOrDigit(original.charAt(i - 1)))) {
        open = i;
      } else if (c == '\u2019' && open >= 0) {
        boolean letterAfter =
            i + 1 < original.length() && Character.isLetter(original.charAt(i + 1));
        if (!letterAfter) {
          if (i - open <= MAX_QUOTE_CHARS && !insideAny(out, open)) {
            int t0 = firstTokenAtOrAfter(open);
            int t1 = lastTokenEndingBy(i);
            out.add(new Quote(open, i + 1, Math.max(0, t1 - t0 + 1) <= SCARE_QUOTE_MAX_TOKENS));
          }
          open = -1;
        }
      } else if (c == '\n') {
        open = -1;
      }
    }
  }

  private static boolean insideAny(List<Quote> quotes, int pos) {
    for (Quote q : quotes) {
      if (pos >= q.start() && pos < q.end()) {
        return true;
      }
    }
    return false;
  }

  int count(Tag.Kind kind) {
    long bit = Tag.bit(kind);
    int n = 0;
    for (Hit<Tag> h : hits) {
      if ((h.flags() & bit) != 0) {
        n++;
      }
    }
    return n;
  }

  /** Hits lying entirely inside {@code [start, end)}. */
  List<Hit<Tag>> hitsIn(int start, int end) {
    int lo = 0;
    int hi = hits.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hits.get(mid).start() < start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Hit<Tag>> out = new ArrayList<>();
    for (int i = lo; i < hits.size() && hits.get(i).start() < end; i++) {
      if (hits.get(i).end() <= end) {
        out.add(hits.get(i));
      }
    }
    return out;
  }

  /**
   * Index of the token containing {@code pos} (a phrase may start inside a hyphenated word such as
   * "pro-NATO"), else of the first token after it ({@code ntok} if none).
   */
  int firstTokenAtOrAfter(int pos) {
    int i = firstTokenStartingAtOrAfter(pos);
    if (i > 0 && tokEnd[i - 1] > pos) {
      return i - 1;
    }
    return i;
  }

  private int firstTokenStartingAtOrAfter(int pos) {
    int lo = 0;
    int hi = ntok;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokStart[mid] < pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Index of the last token ending at or before {@code pos} (-1 if none). */
  int lastTokenEndingBy(int pos) {
    int lo = 0;
    int hi = ntok;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokEnd[mid] <= pos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  String word(int t) {
    return folded.substring(tokStart[t], tokEnd[t]);
  }

  boolean capitalized(int t) {
    return Character.isUpperCase(original.charAt(tokStart[t]));
  }

  /** Original text of tokens {@code a..b} inclusive. */
  String span(int a, int b) {
    return original.substring(tokStart[a], tokEnd[b]);
  }

  /** Whether the text between tokens {@code a} and {@code b} holds clause punctuation. */
  boolean gapHasPunct(int a, int b) {
    return gapHasBreak(a, b, true);
  }

  /** Like {@link #gapHasPunct} but quotation marks do not split clauses. */
  boolean gapHasClausePunct(int a, int b) {
    return gapHasBreak(a, b, false);
  }

  private boolean gapHasBreak(int a, int b, boolean quoteBreaks) {
    char[] f = fc;
    for (int i = tokEnd[a]; i < tokStart[b]; i++) {
      char c = f[i];
      if (c == ','
          || c == ';'
          || c == ':'
          || c == '('
          || c == ')'
          || (quoteBreaks && c == '"')
          || c == '\u2014'
          || c == '\u2013'
          || c == '.'
          || c == '?'
          || c == '!') {
        return true;
      }
      if (c == '-' && i > 0 && f[i - 1] == ' ') {
        return true;
      }
    }
    return false;
  }

  /**
   * A speaker name starting at token {@code t}: a run of capitalised words (last two kept), or "the
   * X" / a single lower-case noun phrase of up to two words.
   */
  String nameFrom(int t, int tLast) {
    if (t > tLast) {
      return null;
    }
    while (t <= tLast && capitalized(t) && NAME_STOP.contains(word(t))) {
      t++;
    }
    if (t > tLast) {
      return null;
    }
    if (capitalized(t)) {
      int last = t;
      while (last + 1 <= tLast
          && capitalized(last + 1)
          && !gapHasPunct(last, last + 1)
          && last - t < 4) {
        last++;
      }
      return span(Math.max(t, last - 1), last);
    }
    String w = word(t);
    if ((w.equals("the") || w.equals("a")) && t + 1 <= tLast && !gapHasPunct(t, t + 1)) {
      return span(t, t + 1);
    }
    return null;
  }

  /** Clause index for each token {@code tFirst..tLast}: punctuation and conjunctions split. */
  int[] clauses(int tFirst, int tLast, List<Hit<Tag>> sentenceHits) {
    int[] clause = new int[tLast - tFirst + 1];
    boolean[] startsClause = new boolean[clause.length];
    long splitting =
        Tag.bit(Tag.Kind.CONTRAST)
            | Tag.bit(Tag.Kind.CONCESSIVE)
            | Tag.bit(Tag.Kind.CONDITIONAL)
            | Tag.bit(Tag.Kind.EMBEDDED_QUESTION);
    for (Hit<Tag> h : sentenceHits) {
      if ((h.flags() & splitting) != 0) {
        int k = firstTokenAtOrAfter(h.start()) - tFirst;
        if (k >= 0 && k < clause.length) {
          startsClause[k] = true;
        }
      }
    }
    int id = 0;
    for (int t = tFirst; t <= tLast; t++) {
      if (t > tFirst && (startsClause[t - tFirst] || gapHasClausePunct(t - 1, t))) {
        id++;
      }
      clause[t - tFirst] = id;
    }
    return clause;
  }

  boolean inQuote(int pos) {
    return quoteAt(pos) != null;
  }

  Quote quoteAt(int pos) {
    int lo = 0;
    int hi = quotes.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Quote q = quotes.get(mid);
      if (pos < q.start()) {
        hi = mid - 1;
      } else if (pos >= q.end()) {
        lo = mid + 1;
      } else {
        return q;
      }
    }
    return null;
  }
}
