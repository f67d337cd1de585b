package io.stancestream.analysis.stance;

import io.stancestream.analysis.lexicon.PhraseLexicon.Hit;
import java.util.List;
import java.util.Set;

/**
 * Decides whose stance a sentence expresses: the author's, or a speaker's when the sentence is a
 * quotation, reported speech ("Zelensky said ...", "..., the minister told reporters"), "according
 * to X", or a strawman ("Some will say ..."). Names the speaker (a capitalised name, or a short
 * noun phrase such as "the summit"), resolves pronouns to the last named speaker, and recognises
 * when the writer speaks ("I argue", "we must") or endorses a speaker ("as X rightly said", "As
 * Kennan warned, ..."). Words come from {@code stance/attribution.yaml}. Immutable.
 */
final class SpeakerAttribution {

  /**
   * The speaker of one sentence.
   *
   * @param speaker "author" or the speaker's name
   * @param attributed true when the sentence is someone else's stance
   * @param endorsed true when the author adopts a reported statement
   * @param reportedFrom start of a reporting relative clause inside an author sentence, or -1
   * @param reportedTo end of that clause, or -1
   */
  record Speaker(
      String speaker, boolean attributed, boolean endorsed, int reportedFrom, int reportedTo) {

    Speaker(String speaker, boolean attributed, boolean endorsed) {
      this(speaker, attributed, endorsed, -1, -1);
    }

    /**
     * Whether the character at {@code pos} lies in a relative clause that reports someone else's
     * view inside the writer's sentence ("NATO should invite Ukraine, which has asked to join").
     */
    boolean reports(int pos) {
      return pos >= reportedFrom && pos < reportedTo;
    }
  }

  /** What attribution remembers across the sentences of one document. */
  static final class Context {
    String lastSpeaker;
  }

  private static final Set<String> PASSIVE_AUX =
      Set.of("be", "been", "being", "is", "are", "was", "were", "get", "got");

  private static final Set<String> NOUN_DETERMINERS =
      Set.of(
          "a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "any", "no", "final",
          "last");

  private static final Set<String> MODALS =
      Set.of(
          "should",
          "must",
          "will",
          "would",
          "can",
          "could",
          "may",
          "might",
          "shall",
          "shouldn't",
          "mustn't",
          "won't",
          "wouldn't",
          "can't",
          "cannot",
          "couldn't");

  private static final Set<String> PHRASE_LEAD =
      Set.of("but", "and", "so", "yet", "then", "however", "also", "that", "which", "who");

  private final StanceLexicon lex;

  SpeakerAttribution(StanceLexicon lex) {
    this.lex = lex;
  }

  Speaker attribute(
      Source src, List<Hit<Tag>> hits, int tFirst, int tLast, boolean headline, Context doc) {
    String colonSpeaker = headlineSpeaker(src, tFirst, tLast);
    if (colonSpeaker == null && headline) {
      colonSpeaker = trailingSource(src, tFirst, tLast);
    }
    if (colonSpeaker != null) {
      return new Speaker(colonSpeaker, true, false);
    }
    if (reportsFact(src, hits, tFirst, tLast)) {
      return new Speaker("poll", true, false);
    }
    boolean endorsed = false;
    for (Hit<Tag> h : hits) {
      if (!src.inQuote(h.start()) && has(h, Tag.Kind.ENDORSE)) {
        endorsed = true;
      }
    }
    for (Hit<Tag> h : hits) {
      if (src.inQuote(h.start())) {
        continue;
      }
      if (has(h, Tag.Kind.OTHERS_VIEW)) {
        return new Speaker("others", true, false);
      }
      if (has(h, Tag.Kind.SPEAKER_FOLLOWS)) {
        int after = src.lastTokenEndingBy(h.end()) + 1;
        String name = after <= tLast ? src.nameFrom(after, tLast) : null;
        String speaker = name == null ? "reported" : name;
        doc.lastSpeaker = speaker;
        return new Speaker(speaker, true, endorsed);
      }
    }
    int relFrom = -1;
    int relTo = -1;
    for (Hit<Tag> h : hits) {
      if (src.inQuote(h.start()) || !has(h, Tag.Kind.REPORT)) {
        continue;
      }
      int verbTok = src.firstTokenAtOrAfter(h.start());
      if (inConditionalClause(src, hits, h, tFirst)) {
        continue; // "If the West wants peace, it should ...": a supposition, not a report
      }
      int rel = asksQuestion(src, tLast) ? -1 : commaRelative(src, verbTok, tFirst);
      if (rel >= 0) {
        // "NATO should invite Ukraine, which has asked to join": only the relative clause is
        // reported; the main clause stays the writer's unless another report claims it.
        if (relFrom < 0) {
          int end = rel;
          while (end < tLast && !src.gapHasPunct(end, end + 1)) {
            end++;
          }
          relFrom = src.tokStart[rel];
          relTo = src.tokEnd[end];
        }
        continue;
      }
      String subject = subjectOf(src, verbTok, src.lastTokenEndingBy(h.end()), tFirst, tLast, doc);
      if (subject == null) {
        continue;
      }
      if (subject.equals(StanceScorer.AUTHOR)) {
        return new Speaker(StanceScorer.AUTHOR, false, false);
      }
      doc.lastSpeaker = subject;
      // "As Kennan warned, ..." - the writer invokes the speaker in support.
      boolean invoked = src.word(subjectStart(src, verbTok, tFirst)).equals("as");
      return endorsed || invoked
          ? new Speaker(StanceScorer.AUTHOR, false, true)
          : new Speaker(subject, true, false);
    }
    if (src.inQuote(src.tokStart[tFirst]) && src.inQuote(src.tokStart[tLast])) {
      String speaker = doc.lastSpeaker == null ? "quoted" : doc.lastSpeaker;
      return new Speaker(speaker, true, false);
    }
    return new Speaker(StanceScorer.AUTHOR, false, false, relFrom, relTo);
  }

  /**
   * Whether the sentence ends with a question mark: then ", who can ..." after a fronted phrase is
   * the interrogative ("After Bucha, who can still insist ...?"), not a relative clause.
   */
  private static boolean asksQuestion(Source src, int tLast) {
    int end = Math.min(src.original.length(), src.tokEnd[tLast] + 3);
    return src.original.substring(src.tokEnd[tLast], end).indexOf('?') >= 0;
  }

  /**
   * The token of "who" / "which" when the verb at {@code verbTok} opens a non-restrictive relative
   * clause (", which has asked ...", ", who argues ..."): the pronoun follows a comma after the
   * start of the sentence. -1 otherwise.
   */
  private int commaRelative(Source src, int verbTok, int tFirst) {
    int i = verbTok - 1;
    while (i > tFirst && !src.gapHasPunct(i, i + 1) && isSkippable(src.word(i))) {
      i--;
    }
    if (i <= tFirst || src.gapHasPunct(i, i + 1)) {
      return -1;
    }
    String w = src.word(i);
    if (!(w.equals("who") || w.equals("which"))) {
      return -1;
    }
    String gap = src.folded.substring(src.tokEnd[i - 1], src.tokStart[i]);
    return gap.indexOf(',') >= 0 ? i : -1;
  }

  /**
   * "Kremlin: Ukraine's membership would mean war", "Stoltenberg: door remains open": one to three
   * capitalised words and a colon open the sentence, and a statement of at least three words
   * follows. That is the headline form of reported speech. Section labels ("Analysis:", "Ukraine:")
   * from {@code headline_labels} are not speakers, and an order after the colon ("Digest: Don't let
   * ...") is the outlet's own headline.
   */
  private String headlineSpeaker(Source src, int tFirst, int tLast) {
    for (int k = tFirst; k <= Math.min(tFirst + 2, tLast - 3); k++) {
      if (!src.capitalized(k) || src.inQuote(src.tokStart[k])) {
        return null;
      }
      if (src.gapHasPunct(k, k + 1)) {
        String gap = src.folded.substring(src.tokEnd[k], src.tokStart[k + 1]).strip();
        if (!gap.equals(":")) {
          return null;
        }
        String label = src.folded.substring(src.tokStart[tFirst], src.tokEnd[k]);
        // "Guest Commentary:", "Weekly Digest:": a label whose last word is a section label.
        if (lex.headlineLabels.contains(label)
            || lex.headlineLabels.contains(src.word(k))
            || lex.headlineImperatives.contains(src.word(k + 1))) {
          return null;
        }
        return src.span(tFirst, k);
      }
    }
    return null;
  }

  /**
   * "Ukraine shouldn't join NATO due to risks of war — magazine", "Membership is off the table -
   * Peskov": a headline that ends in a dash and a source relays that source. The tail is one to
   * three words after a spaced dash (or an em / en dash), at least four words into the headline; it
   * is a source when its last word is one of {@code headline_sources} or it is a capitalised name
   * that is not a section label.
   */
  private String trailingSource(Source src, int tFirst, int tLast) {
    for (int k = tLast - 1; k >= Math.max(tFirst + 3, tLast - 3); k--) {
      String gap = src.folded.substring(src.tokEnd[k], src.tokStart[k + 1]);
      String dash = gap.strip();
      boolean spacedDash = dash.equals("-") && gap.length() > 1;
      if (!spacedDash && !dash.equals("\u2014") && !dash.equals("\u2013")) {
        continue;
      }
      boolean name = true;
      for (int t = k + 1; t <= tLast; t++) {
        name &= src.capitalized(t) && (t == k + 1 || !src.gapHasPunct(t - 1, t));
      }
      String tail = src.folded.substring(src.tokStart[k + 1], src.tokEnd[tLast]);
      if (lex.headlineSources.contains(src.word(tLast))
          || (name && !lex.headlineLabels.contains(tail))) {
        return src.span(k + 1, tLast);
      }
      return null;
    }
    return null;
  }

  /** Poll and survey results ("a survey found ...", "64% of Ukrainians ...") are reported facts. */
  private static boolean reportsFact(Source src, List<Hit<Tag>> hits, int tFirst, int tLast) {
    for (Hit<Tag> h : hits) {
      if (has(h, Tag.Kind.REPORTED_FACT) && !src.inQuote(h.start())) {
        return true;
      }
    }
    // Bounded to the sentence: indexOf on the whole text would rescan the rest for each sentence.
    for (int i = src.tokStart[tFirst]; i < src.tokEnd[tLast]; i++) {
      if (src.folded.charAt(i) == '%' && src.folded.startsWith(" of ", i + 1) && !src.inQuote(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The subject of a reporting verb: "author" for I/we, a name, a short noun phrase, or null when
   * the verb is not a finite report (e.g. an infinitive "to push for").
   */
  private String subjectOf(
      Source src, int verbTok, int verbLastTok, int tFirst, int tLast, Context doc) {
    int i = verbTok - 1;
    if (i >= tFirst && PASSIVE_AUX.contains(src.word(i))) {
      return null; // "will never be admitted", "was said": passive, not a report
    }
    if (i >= tFirst && !src.gapHasPunct(i, i + 1) && NOUN_DETERMINERS.contains(src.word(i))) {
      return null; // "no third country has a say", "the final say": a noun, not a report
    }
    while (i >= tFirst && !src.gapHasPunct(i, i + 1) && isSkippable(src.word(i))) {
      if (MODALS.contains(src.word(i))) {
        return null; // "the allies should say so": what someone ought to say, not a report
      }
      i--;
    }
    if (i < tFirst || src.gapHasPunct(i, i + 1)) {
      // "..., said the minister" / "“...,” Yeltsin proclaimed" handled below; inverted order here.
      if (verbLastTok + 1 <= tLast) {
        String after = src.nameFrom(verbLastTok + 1, tLast);
        if (after != null) {
          return after;
        }
      }
      if (i < tFirst) {
        return doc.lastSpeaker == null ? "reported" : doc.lastSpeaker;
      }
    }
    String w = src.word(i);
    if (lex.authorSubjects.contains(w)) {
      return StanceScorer.AUTHOR;
    }
    if (w.equals("to")) {
      return null;
    }
    if (w.equals("who") && (i == tFirst || src.gapHasPunct(i - 1, i))) {
      return null; // "..., who can seriously insist that ...?" asks; it reports no one
    }
    if (w.equals("who") || w.equals("which") || w.equals("that")) {
      i--;
      if (i < tFirst) {
        return "reported";
      }
      w = src.word(i);
    }
    if (lex.pronouns.contains(w)) {
      return doc.lastSpeaker == null ? "reported" : doc.lastSpeaker;
    }
    if (src.capitalized(i) && !Source.NAME_STOP.contains(w)) {
      int first = i;
      while (first - 1 >= tFirst
          && !Source.NAME_STOP.contains(src.word(first - 1))
          && src.capitalized(first - 1)
          && !src.gapHasPunct(first - 1, first)
          && i - first < 4) {
        first--;
      }
      return src.span(Math.max(first, i - 1), i);
    }
    // A short noun phrase: "officials", "the summit", "supporters of membership".
    int first = i;
    while (first - 1 >= tFirst && i - first < 2 && !src.gapHasPunct(first - 1, first)) {
      first--;
    }
    while (first < i && PHRASE_LEAD.contains(src.word(first))) {
      first++;
    }
    return src.span(first, i);
  }

  /** An if / unless clause opens before the verb with no clause punctuation in between. */
  private static boolean inConditionalClause(
      Source src, List<Hit<Tag>> hits, Hit<Tag> verb, int tFirst) {
    int verbTok = src.firstTokenAtOrAfter(verb.start());
    for (Hit<Tag> h : hits) {
      if (h.end() > verb.start() || !has(h, Tag.Kind.CONDITIONAL)) {
        continue;
      }
      int c = src.lastTokenEndingBy(h.end());
      if (c >= tFirst && verbTok - c <= 5 && !src.gapHasPunct(c, verbTok)) {
        return true;
      }
    }
    return false;
  }

  /** Index of the word just before the subject of the verb at {@code verbTok}. */
  private int subjectStart(Source src, int verbTok, int tFirst) {
    int i = verbTok - 1;
    while (i > tFirst && (isSkippable(src.word(i)) || src.capitalized(i))) {
      i--;
    }
    return Math.max(i, tFirst);
  }

  private boolean isSkippable(String w) {
    return lex.subjectSkip.contains(w) || (w.length() > 4 && w.endsWith("ly"));
  }

  private static boolean has(Hit<Tag> h, Tag.Kind kind) {
    return (h.flags() & Tag.bit(kind)) != 0;
  }
}
