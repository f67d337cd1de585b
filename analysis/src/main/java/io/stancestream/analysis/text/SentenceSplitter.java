package io.stancestream.analysis.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.lexicon.ConfigFiles;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits cleaned text into sentences: the JDK sentence {@link BreakIterator} per paragraph, then an
 * abbreviation pass that undoes breaks after "Mr.", "Gen.", "U.S." and the like. Headline-like
 * lines are sentences on their own (line breaks are hard boundaries for them), while soft-wrapped
 * lines inside a paragraph are read as one text. Abbreviations come from {@code
 * abbreviations.yaml}. Immutable and thread-safe.
 */
public final class SentenceSplitter {

  private final Set<String> abbreviations;
  private final Set<String> initialisms;
  private final Set<String> openers;

  public SentenceSplitter(ConfigFiles files) {
    JsonNode n = files.yaml("abbreviations.yaml");
    this.abbreviations = set(n.path("titles_and_common"));
    this.initialisms = set(n.path("initialisms"));
    this.openers = set(n.path("sentence_openers"));
  }

  private static Set<String> set(JsonNode list) {
    Set<String> out = new HashSet<>();
    list.forEach(
        v -> out.add(ConfigFiles.entry(v, "abbreviations.yaml").toLowerCase(Locale.ROOT).strip()));
    return out;
  }

  /** Sentences of the cleaned text, in order, as spans of {@code cleaned.body()}. */
  public List<Sentence> split(CleanedText cleaned) {
    String body = cleaned.body();
    List<Sentence> out = new ArrayList<>();
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    List<CleanedText.Segment> segments = cleaned.segments();
    for (int s = 0; s < segments.size(); s++) {
      CleanedText.Segment seg = segments.get(s);
      if (seg.headline()) {
        addTrimmed(body, seg.start(), seg.end(), true, s, out);
        continue;
      }
      splitParagraph(body, seg.start(), seg.end(), s, it, out);
    }
    return out;
  }

  /** Splits a plain text (no cleaning) — convenient for short texts and tests. */
  public List<Sentence> split(String text) {
    return split(
        new CleanedText(
            text, List.of(new CleanedText.Segment(0, text.length(), false, false)), -1));
  }

  private void splitParagraph(
      String body, int start, int end, int segment, BreakIterator it, List<Sentence> out) {
    // Line breaks inside a paragraph are soft wraps; BreakIterator would treat them as breaks.
    String text = body.substring(start, end).replace('\n', ' ').replace('\r', ' ');
    it.setText(text);
    int sentStart = it.first();
    int pendingStart = sentStart;
    for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
      if (b < text.length() && continuesAfter(text, pendingStart, b)) {
        continue;
      }
      addLowerCaseSplit(body, text, start, pendingStart, b, segment, out);
      pendingStart = b;
    }
    if (pendingStart < text.length()) {
      addLowerCaseSplit(body, text, start, pendingStart, text.length(), segment, out);
    }
  }

  /**
   * Adds {@code text[from, to)}, split where a period is followed by a lower-case word and does not
   * end an abbreviation ("it was a bad idea. make a deal"): BreakIterator keeps such text, common
   * in forum posts written all in lower case, as one sentence.
   */
  private void addLowerCaseSplit(
      String body, String text, int start, int from, int to, int segment, List<Sentence> out) {
    int pending = from;
    for (int i = from + 1; i + 2 < to; i++) {
      if (text.charAt(i) != '.'
          || text.charAt(i + 1) != ' '
          || !Character.isLowerCase(text.charAt(i + 2))) {
        continue;
      }
      int w = i;
      while (w > pending && !Character.isWhitespace(text.charAt(w - 1))) {
        w--;
      }
      String word = stripOpeningPunct(text.substring(w, i + 1)).toLowerCase(Locale.ROOT);
      // "in 2008. and", "article 5. give": a number before the period is no abbreviation
      boolean number =
          word.length() > 1 && word.chars().limit(word.length() - 1L).allMatch(Character::isDigit);
      if ((word.length() <= 3 && !number)
          || word.indexOf('.') < word.length() - 1
          || abbreviations.contains(word)) {
        continue;
      }
      addTrimmed(body, start + pending, start + i + 1, false, segment, out);
      pending = i + 1;
    }
    addTrimmed(body, start + pending, start + to, false, segment, out);
  }

  private static final String CLOSING_QUOTES = "\"'\u201D\u2019)";

  /** Whether the candidate break at {@code b} falls after an abbreviation, not a sentence end. */
  private boolean continuesAfter(String text, int sentStart, int b) {
    int e = b;
    while (e > sentStart && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e <= sentStart) {
      return false;
    }
    String following = nextWord(text, b);
    // "“Why now?” she asked." - a break after "?", "!" or a quote followed by a lower-case word
    // is no sentence end. After a period it is, unless the period ends an abbreviation: forum
    // posts are often written all in lower case.
    if (!following.isEmpty()
        && Character.isLowerCase(following.charAt(0))
        && CLOSING_QUOTES.indexOf(text.charAt(e - 1)) >= 0) {
      return true;
    }
    if (text.charAt(e - 1) != '.') {
      return false;
    }
    int w = e - 1;
    while (w > sentStart && !Character.isWhitespace(text.charAt(w - 1))) {
      w--;
    }
    String word = stripOpeningPunct(text.substring(w, e)).toLowerCase(Locale.ROOT);
    String next = nextWord(text, b);
    if (next.isEmpty()) {
      return false;
    }
    if (Character.isLowerCase(next.charAt(0))) {
      int dot = word.indexOf('.');
      return abbreviations.contains(word)
          || (dot >= 0 && dot < word.length() - 1)
          || word.length() <= 3;
    }
    if (abbreviations.contains(word)) {
      return true;
    }
    // A single capital initial ("George W. Bush").
    if (word.length() == 2 && Character.isLetter(word.charAt(0))) {
      return Character.isUpperCase(text.charAt(e - 2));
    }
    if (initialisms.contains(word)) {
      return !openers.contains(next.toLowerCase(Locale.ROOT));
    }
    return false;
  }

  private static String stripOpeningPunct(String w) {
    int i = 0;
    while (i < w.length() && !Character.isLetterOrDigit(w.charAt(i))) {
      i++;
    }
    return w.substring(i);
  }

  private static String nextWord(String text, int from) {
    int i = from;
    while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < text.length() && Character.isLetter(text.charAt(j))) {
      j++;
    }
    return text.substring(i, j);
  }

  private static void addTrimmed(
      String body, int start, int end, boolean headline, int segment, List<Sentence> out) {
    int s = start;
    int e = end;
    while (s < e && Character.isWhitespace(body.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
      e--;
    }
    if (e > s) {
      out.add(new Sentence(s, e, headline, segment));
    }
  }
}
