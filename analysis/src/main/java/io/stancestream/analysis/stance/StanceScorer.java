package io.stancestream.analysis.stance;

import io.stancestream.analysis.EvidenceSentence;
import io.stancestream.analysis.StanceLabel;
import io.stancestream.analysis.lexicon.ConfigFiles;
import io.stancestream.analysis.lexicon.PhraseLexicon.Hit;
import io.stancestream.analysis.text.CleanedText;
import io.stancestream.analysis.text.NormalizedText;
import io.stancestream.analysis.text.Sentence;
import io.stancestream.analysis.text.TextCleaner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores the author's stance toward "Ukraine should join / will join NATO".
 *
 * <p>One Aho-Corasick pass finds every cue, modifier, reporting verb and target word in the
 * article. Then, sentence by sentence: sentences that do not bear on membership are skipped; each
 * stance cue is weighed with its negation scope, modality (deontic, future, bare, imperative),
 * hedges, intensifiers, concession/contrast, irony markers and questions; and the sentence is
 * attributed to its speaker (quotes, reported speech, "according to", strawman openers). Only the
 * author's sentences move the document score; headline and closing sentences weigh more. The data
 * lives in {@code config/stance/*.yaml}. Immutable and thread-safe.
 */
public final class StanceScorer {

  private static final java.util.Set<String> ANAPHORS =
      java.util.Set.of("this", "that", "it", "such", "doing", "these", "those");

  /** How far (in words) a cue may follow "those who want to" and still be their position. */
  private static final int OPPONENT_REACH = 6;

  /** How far (in words) a predicate may stand from an anaphoric subject ("This position, ..."). */
  private static final int ANAPHORIC_PREDICATE_REACH = 12;

  private static final java.util.Set<String> ANAPHORIC_SUBJECTS =
      java.util.Set.of("it", "this", "that", "which");

  /** An interviewer's question paragraph is short ("Is that the right decision?"). */
  private static final int MAX_INTERVIEW_QUESTION = 200;

  /** Discourse openers skipped when looking for an anaphoric subject ("In our view this ..."). */
  private static final java.util.Set<String> OPENERS =
      java.util.Set.of(
          "but",
          "and",
          "yet",
          "so",
          "still",
          "however",
          "frankly",
          "honestly",
          "indeed",
          "in",
          "our",
          "my",
          "view",
          "fact",
          "short",
          "truth",
          "of",
          "course",
          "sum");

  /** Speaker name used for the writer's own voice. */
  public static final String AUTHOR = "author";

  /**
   * A generic applicant ("countries who wish to", "a new country") shortly before the cue, with no
   * Ukraine word near it ("Ukraine and other countries should join" is about Ukraine).
   */
  private static boolean genericSubject(Source src, List<Hit<Tag>> hits, Hit<Tag> cue) {
    int cueTok = src.firstTokenAtOrAfter(cue.start());
    for (Hit<Tag> h : hits) {
      if (has(h, Tag.Kind.UKRAINE)
          && h.start() < cue.end()
          && cueTok - src.lastTokenEndingBy(h.end()) <= 2 * GENERIC_SUBJECT_REACH) {
        return false;
      }
    }
    for (Hit<Tag> h : hits) {
      int first = src.firstTokenAtOrAfter(h.start());
      if (first > 0 && src.word(first - 1).equals("united")) {
        continue; // "the United States should ..."
      }
      if (has(h, Tag.Kind.GENERIC_CANDIDATE) && h.end() <= cue.start()) {
        int distance = cueTok - src.lastTokenEndingBy(h.end());
        if (distance <= GENERIC_SUBJECT_REACH && !src.gapHasPunct(cueTok - distance, cueTok)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the cue lies inside one of the judged subject spans. */
  private static boolean judged(List<int[]> spans, Hit<Tag> cue) {
    for (int[] span : spans) {
      if (cue.start() >= span[0] && cue.end() <= span[1]) {
        return true;
      }
    }
    return false;
  }

  /** How far (in words) a generic applicant ("countries applying to join") reaches. */
  private static final int GENERIC_SUBJECT_REACH = 4;

  /** Most words of a "This would be a mistake." verdict on the sentence before. */
  private static final int SHORT_VERDICT = 8;

  /** Longest header line read as a genre-label line ("Analysis / Opinion / Commentary"). */
  private static final int MAX_LABEL_LINE = 100;

  private final StanceLexicon lex;
  private final ScoringParams p;
  private final SpeakerAttribution speakers;

  public StanceScorer(ConfigFiles files) {
    this.lex = new StanceLexicon(files);
    this.p = ScoringParams.load(files);
    this.speakers = new SpeakerAttribution(lex);
  }

  /** Revision number from {@code scoring.yaml}. */
  public int revision() {
    return p.revision();
  }

  /** Number of stance cue entries (before alternation expansion). */
  public int cueCount() {
    return lex.cueCount;
  }

  /**
   * Scores one article.
   *
   * @param title headline, may be null or blank
   * @param cleaned the cleaned body
   * @param sentences sentences of {@code cleaned}
   * @param norm the normalized body ({@code NormalizedText.of(cleaned.body())})
   */
  public StanceOutcome score(
      String title, CleanedText cleaned, List<Sentence> sentences, NormalizedText norm) {
    Source body = new Source(norm, lex);
    Source titleSource = null;
    if (title != null && !title.isBlank() && cleaned.titleSegment() < 0) {
      titleSource = new Source(NormalizedText.of(title), lex);
    }
    int natoMentions =
        body.count(Tag.Kind.NATO) + (titleSource == null ? 0 : titleSource.count(Tag.Kind.NATO));
    DocState doc = new DocState(natoMentions >= p.docNatoMentions(), cleaned.body());
    doc.opinion =
        hasOpinionLabel(title) || hasOpinionLabel(firstLine(cleaned)) || headerLabel(cleaned);
    doc.opinionLabel = doc.opinion;

    if (titleSource != null) {
      Scored s = scoreSentence(titleSource, 0, title.length(), true, doc);
      s.weight = p.titleWeight();
      doc.add(s, null);
      if (s.relevant && s.byAuthor()) {
        doc.authorSentences.add(title);
      }
    }
    int[] positions = positionIndex(sentences);
    int textSentences = positions[positions.length - 1];
    boolean[] questionParagraph = interviewQuestions(cleaned, body, titleSource);
    int firstQuestion = firstTrue(questionParagraph);
    // "In its strongest form the argument runs like this." announces the other side's case: the
    // rest of that paragraph and the next one present it, until the writer answers.
    int strawmanSegment = -1;
    boolean strawmanNext = false;
    java.util.Set<String> seen = new java.util.HashSet<>();
    Scored pending = null; // added one sentence late, so that the next one can qualify it
    Sentence pendingSentence = null;
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      if (sentence.headline() && TextCleaner.isDateLine(sentence.text(cleaned.body()))) {
        continue;
      }
      if (!seen.add(sentence.text(cleaned.body()))) {
        continue; // scrapes repeat paragraphs; a repeated sentence is not new evidence
      }
      Scored s = scoreSentence(body, sentence.start(), sentence.end(), sentence.headline(), doc);
      s.weight = positionWeight(cleaned, sentence, positions[i], textSentences);
      int seg = sentence.segment();
      if (firstQuestion >= 0 && seg >= firstQuestion && !sentence.headline() && s.byAuthor()) {
        // Interview write-up: the questions are the interviewer's, the answers the guest's.
        s.speaker = questionParagraph[seg] ? "interviewer" : "interviewee";
      }
      boolean continues =
          seg == strawmanSegment || (strawmanNext && seg == strawmanSegment + 1 && !s.headline);
      if (continues && s.byAuthor() && !s.headline) {
        if (s.rebuttal || s.opensWithContrast || s.firstPerson) {
          strawmanSegment = -1; // "In fact, ...", "But ...", "I think ...": the writer answers
          strawmanNext = false;
        } else {
          s.speaker = "others"; // the presentation of the other side goes on
        }
      }
      if (s.exposition) {
        strawmanSegment = seg;
        strawmanNext = true;
      } else if (continues && "others".equals(s.speaker) && seg != strawmanSegment) {
        strawmanSegment = seg; // carried into the next paragraph, and no further
        strawmanNext = false;
      }
      // "NATO need not admit Ukraine now. But it should ...": a sentence answered by a "But"
      // sentence is a concession, like the part before "but" inside one sentence.
      if (pending != null && s.opensWithContrast && pending.byAuthor() && !pending.headline) {
        pending.value *= p.concession();
      }
      if (pending != null) {
        addScored(doc, pending, pendingSentence, cleaned);
      }
      pending = s;
      pendingSentence = sentence;
    }
    if (pending != null) {
      addScored(doc, pending, pendingSentence, cleaned);
    }
    return doc.finish(cleaned.body());
  }

  /**
   * Paragraphs that are an interviewer's questions, when the text is an interview write-up (an
   * interview marker such as "Interview" or "we spoke to" and at least two paragraphs that are a
   * single short question); null otherwise.
   */
  private static boolean[] interviewQuestions(
      CleanedText cleaned, Source body, Source titleSource) {
    boolean marker = false;
    for (Hit<Tag> h : body.hits) {
      marker |= has(h, Tag.Kind.INTERVIEW_MARKER) && !body.inQuote(h.start());
    }
    if (titleSource != null) {
      for (Hit<Tag> h : titleSource.hits) {
        marker |= has(h, Tag.Kind.INTERVIEW_MARKER);
      }
    }
    if (!marker) {
      return null;
    }
    List<CleanedText.Segment> segs = cleaned.segments();
    boolean[] question = new boolean[segs.size()];
    int n = 0;
    for (int i = 0; i < segs.size(); i++) {
      CleanedText.Segment seg = segs.get(i);
      String text = cleaned.body().substring(seg.start(), seg.end()).strip();
      if (!seg.headline()
          && text.length() <= MAX_INTERVIEW_QUESTION
          && text.endsWith("?")
          && text.indexOf('?') == text.length() - 1) {
        question[i] = true;
        n++;
      }
    }
    return n >= 2 ? question : null;
  }

  private static int firstTrue(boolean[] flags) {
    if (flags != null) {
      for (int i = 0; i < flags.length; i++) {
        if (flags[i]) {
          return i;
        }
      }
    }
    return -1;
  }

  private static void addScored(DocState doc, Scored s, Sentence sentence, CleanedText cleaned) {
    doc.add(s, sentence);
    if (s.relevant && s.byAuthor()) {
      doc.authorSentences.add(sentence.text(cleaned.body()));
    }
  }

  private static String firstLine(CleanedText cleaned) {
    if (cleaned.segments().isEmpty()) {
      return null;
    }
    CleanedText.Segment s = cleaned.segments().get(0);
    return cleaned.body().substring(s.start(), Math.min(s.end(), s.start() + 120));
  }

  /**
   * A header line that is nothing but a genre label ("Perspective", "Analysis / Opinion",
   * "Commentary") among the first lines of the page.
   */
  private boolean headerLabel(CleanedText cleaned) {
    int seen = 0;
    for (CleanedText.Segment seg : cleaned.segments()) {
      if (!seg.headerZone() || seen++ > 6) {
        break;
      }
      if (seg.end() - seg.start() > MAX_LABEL_LINE) {
        continue; // a paragraph, not a label line: skip folding it
      }
      String line = NormalizedText.foldPhrase(cleaned.body().substring(seg.start(), seg.end()));
      for (String part : line.split("\\s[/|\\-\u2013\u2014]\\s")) {
        if (p.opinionLabels().contains(part.strip())) {
          return true;
        }
      }
    }
    return false;
  }

  /** "Opinion: ...", "OP-ED | ...", "Letter to the editor - ...": the outlet's genre label. */
  private boolean hasOpinionLabel(String text) {
    if (text == null) {
      return false;
    }
    String f = NormalizedText.foldPhrase(text);
    for (String label : p.opinionLabels()) {
      if (f.startsWith(label)) {
        int after = label.length();
        if (after == f.length()) {
          return true;
        }
        char c = f.charAt(after);
        if (c == ':' || c == '|' || c == '-' || c == '\u2014' || c == '\u2013' || c == ' ') {
          String rest = f.substring(after).strip();
          if (rest.isEmpty() || ":|-\u2014\u2013".indexOf(rest.charAt(0)) >= 0) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** For each sentence, its index among non-headline sentences; the last slot holds the count. */
  private static int[] positionIndex(List<Sentence> sentences) {
    int[] idx = new int[sentences.size() + 1];
    int k = 0;
    for (int i = 0; i < sentences.size(); i++) {
      idx[i] = sentences.get(i).headline() ? -1 : k++;
    }
    idx[sentences.size()] = k;
    return idx;
  }

  private double positionWeight(CleanedText cleaned, Sentence s, int textIndex, int textCount) {
    if (cleaned.titleSegment() >= 0 && s.segment() == cleaned.titleSegment()) {
      return p.titleWeight();
    }
    if (s.headline()) {
      return cleaned.segments().get(s.segment()).headerZone()
          ? p.headerLineWeight()
          : p.sectionHeaderWeight();
    }
    if (textIndex < p.ledeSentences()) {
      return p.ledeWeight();
    }
    if (textCount > p.ledeSentences() + p.closingSentences()
        && textIndex >= textCount - p.closingSentences()) {
      return p.closingWeight();
    }
    return 1.0;
  }

  /** The scored view of one sentence. */
  static final class Scored {
    int start;
    int end;
    boolean relevant;
    double value; // capped sum of cue contributions, before position weight
    double weight = 1.0;
    String speaker = AUTHOR;
    boolean endorsed;
    boolean opinionMarker;
    double predictiveShare; // part of value from future/bare action cues
    double framing; // part of value from framing cues
    boolean rebuttal; // opens with "In fact", "In reality", ...: answers the sentence before
    boolean denial; // a short rebuttal ("It is not.", "Nonsense."): answers any reported view
    boolean opensWithContrast; // "But ...", "However, ...": qualifies the sentence before
    boolean firstPerson; // "I think", "we must": the writer speaks in person
    boolean exposition; // "the argument runs like this": the other side's case follows
    boolean headline;
    boolean verdict; // "This would be a grave mistake.": a short verdict on the sentence before
    int opinionSignals; // first person, stance adverbs, deontic modals, "!" in the writer's voice
    int newsSignals; // datelines, weekdays, wire names, "told reporters" ...

    double weighted() {
      return value * weight;
    }

    boolean byAuthor() {
      return AUTHOR.equals(speaker);
    }
  }

  private Scored scoreSentence(Source src, int start, int end, boolean headline, DocState doc) {
    Scored out = new Scored();
    out.start = start;
    out.end = end;
    out.headline = headline;
    int tFirst = src.firstTokenAtOrAfter(start);
    int tLast = src.lastTokenEndingBy(end);
    if (tFirst > tLast) {
      return out;
    }
    List<Hit<Tag>> hits = withoutNestedModifiers(src.hitsIn(start, end));
    boolean target = false;
    boolean weak = false;
    boolean nato = false;
    boolean ukraine = false;
    boolean otherCandidate = false;
    List<Hit<Tag>> cues = new ArrayList<>();
    for (Hit<Tag> h : hits) {
      for (Tag t : h.payloads()) {
        switch (t.kind()) {
          case TARGET -> target = true;
          case TARGET_WEAK -> weak = true;
          case NATO -> nato = true;
          case UKRAINE -> ukraine = true;
          case OTHER_CANDIDATE -> otherCandidate = true;
          case CUE -> cues.add(h);
          case AUTHOR_VOICE -> {
            out.opinionMarker |= !src.inQuote(h.start());
            out.firstPerson |= !src.inQuote(h.start());
          }
          case EXPOSITION -> out.exposition |= !src.inQuote(h.start());
          default -> {}
        }
      }
    }
    out.relevant = target || (nato && ukraine) || (weak && doc.natoText);
    // A headline names the article's subject: in a text about NATO, one naming Ukraine is on topic.
    out.relevant |= headline && ukraine && doc.natoText;
    // "That would be a grave mistake." right after a sentence about membership is about it too.
    int subjectTok = tFirst;
    while (subjectTok < tLast
        && subjectTok - tFirst < 3
        && OPENERS.contains(src.word(subjectTok))) {
      subjectTok++;
    }
    boolean anaphoric =
        !out.relevant
            && doc.previousRelevant
            && (ANAPHORS.contains(src.word(tFirst)) || ANAPHORS.contains(src.word(subjectTok)));
    out.relevant |= anaphoric;
    String opener = src.word(tFirst);
    out.verdict =
        anaphoric
            && tLast - tFirst < SHORT_VERDICT
            && (opener.equals("this") || opener.equals("that"));
    doc.previousRelevant = target || (nato && ukraine) || (weak && doc.natoText);

    int[] clause = src.clauses(tFirst, tLast, hits);
    SpeakerAttribution.Speaker who =
        speakers.attribute(src, hits, tFirst, tLast, headline, doc.speakers);
    out.speaker = who.speaker();
    out.endorsed = who.endorsed();
    // "I don't buy the claim of those who say ...": the writer reports a view to reject it.
    boolean rejectsReported = false;
    if (who.attributed()) {
      for (Hit<Tag> h : hits) {
        if (has(h, Tag.Kind.AUTHOR_REJECTS)
            && !src.inQuote(h.start())
            && src.firstTokenAtOrAfter(h.start()) - tFirst <= 3) {
          rejectsReported = true;
          out.speaker = AUTHOR;
          break;
        }
      }
    }
    if (!who.attributed() && presentsCase(src, hits, tFirst, tLast)) {
      // "The case against admitting Ukraine rests on one fear: ...": the writer lays out a side's
      // case, like "Some argue ..."; a rebuttal right after it answers it.
      out.speaker = "others";
    }
    genreSignals(src, hits, tFirst, start, end, out);
    boolean sentenceQuestion = endsWithQuestion(src.original, start, end);
    boolean rhetoricalOpener =
        hasKindNear(hits, Tag.Kind.RHETORICAL, src, tFirst, 2)
            || rhetoricalAfterComma(src, hits, tFirst);
    boolean question = sentenceQuestion;
    boolean rhetorical = question && rhetoricalOpener;

    // A sentence naming another candidate country and no Ukraine word acts on that country's
    // membership: its action and verb cues are not about Ukraine.
    boolean otherCountry = otherCandidate && !ukraine;
    double sum = 0;
    double predictive = 0;
    double framing = 0;
    List<Hit<Tag>> kept = dropContained(cues);
    // An action named as the subject of an evaluative predicate ("Admitting Ukraine would be
    // reckless") is what is judged, not a stance of its own.
    // Each judged subject as {start, end}: from the subject phrase to the predicate, so that
    // "Inviting Ukraine to join NATO would be a mistake" judges the whole action phrase.
    List<int[]> judgedSubjects = new ArrayList<>();
    for (Hit<Tag> cue : kept) {
      for (Tag tag : cue.payloads()) {
        if (tag.kind() == Tag.Kind.CUE && tag.predicate()) {
          Hit<Tag> subject = targetBefore(src, hits, cue, clause, tFirst, doc.natoText);
          if (subject != null) {
            judgedSubjects.add(new int[] {subject.start(), cue.start()});
          }
        }
      }
    }
    for (Hit<Tag> cue : kept) {
      for (Tag tag : cue.payloads()) {
        boolean selfTargeted = tag.action() || (tag.framing() && doc.natoText);
        // Evaluations ("neutrality is a trap", "a grey zone") are about membership by their
        // wording: in a text about NATO they count without a membership phrase, damped.
        boolean evaluation =
            !tag.action() && !tag.predicate() && !tag.framing() && !tag.needsObject();
        boolean unanchored = evaluation && doc.natoText && !out.relevant;
        if (tag.kind() != Tag.Kind.CUE || (!selfTargeted && !out.relevant && !unanchored)) {
          continue;
        }
        if (otherCountry && (tag.action() || tag.needsObject())) {
          continue; // "Croatia and Albania were invited to join": another country's accession
        }
        if (tag.action() && genericSubject(src, hits, cue)) {
          continue; // "Countries who wish to join NATO must ...": the procedure, not Ukraine
        }
        if (who.reports(cue.start())) {
          continue; // inside ", which has asked to join": the relative clause's subject speaks
        }
        if (allianceAsModifier(src, hits, cue, tLast)) {
          continue; // "outside NATO headquarters", "joined NATO allies in ...": not membership
        }
        if (tag.predicate()
            && targetBefore(src, hits, cue, clause, tFirst, doc.natoText) == null
            && !(anaphoric
                && (clauseAt(clause, src.firstTokenAtOrAfter(cue.start()), tFirst) == 0
                    || src.firstTokenAtOrAfter(cue.start()) - subjectTok
                        <= ANAPHORIC_PREDICATE_REACH))) {
          continue;
        }
        if (tag.action()
            && (judged(judgedSubjects, cue) || gerundSubject(src, hits, cue, tFirst))) {
          continue;
        }
        if (tag.needsObject()
            && (!targetAfter(src, hits, cue, clause, tFirst) || nounUse(src, cue, tFirst))) {
          continue;
        }
        boolean[] mode = new boolean[2]; // [0] predictive (future/bare), [1] deontic/imperative
        // A headline may hold two sentences ("Should Ukraine join NATO? Two experts disagree"):
        // whether a cue is asked depends on the sentence it stands in.
        boolean cueQuestion = questionAt(src.original, cue.end(), end, sentenceQuestion);
        double c =
            cueValue(
                src,
                cue,
                tag,
                hits,
                clause,
                tFirst,
                tLast,
                headline,
                cueQuestion,
                cueQuestion && rhetoricalOpener,
                mode);
        if (c != 0 && (mode[1] || rhetorical)) {
          out.opinionMarker |= who.speaker().equals(AUTHOR);
        }
        if (src.inQuote(cue.start())) {
          Source.Quote q = src.quoteAt(cue.start());
          if (q.scare() && !who.attributed()) {
            c *= p.scareQuote();
          } else if (!who.attributed()) {
            // A quoted line inside an author sentence without a reporting verb: the quote's own
            // speaker (the last one named) said it, not the author.
            out.speaker = doc.speakers.lastSpeaker == null ? "quoted" : doc.speakers.lastSpeaker;
          }
        }
        if (unanchored) {
          c *= p.unanchoredEvaluation();
        }
        if (tag.predicate() && alternativeSubject(src, hits, cue, clause, tFirst)) {
          // "Neutrality would be dangerous": judging the alternative judges membership the other
          // way
          c = -c;
        }
        sum += c;
        if (mode[0]) {
          predictive += c;
        }
        if (tag.framing()) {
          framing += c;
        }
      }
    }
    sum +=
        ironicTargets(
            doc.natoText, src, hits, kept, clause, tFirst, tLast, headline, question, rhetorical);
    if (sum == 0 && cues.isEmpty() && target && !question) {
      sum = genericDeontic(src, hits, clause, tFirst);
    }
    if (rejectsReported) {
      sum = -sum;
    }
    out.value = Math.max(-p.sentenceCap(), Math.min(p.sentenceCap(), sum));
    out.predictiveShare = sum == 0 ? 0 : Math.max(0, Math.min(1, predictive / sum));
    out.framing = framing;
    return out;
  }

  /**
   * "The neutrality myth", "another chapter of a membership fantasy", "the daydream of Ukraine in
   * NATO": an irony noun (modifiers.yaml irony_nouns) right after a membership phrase, or before
   * one with "of" / "that" / "about", mocks it even without a stance cue. Counts like an against
   * evaluation (a favor one when the phrase names an alternative such as neutrality), with
   * negation, hedges, questions and concession applied as for any cue.
   */
  private double ironicTargets(
      boolean natoText,
      Source src,
      List<Hit<Tag>> hits,
      List<Hit<Tag>> kept,
      int[] clause,
      int tFirst,
      int tLast,
      boolean headline,
      boolean question,
      boolean rhetorical) {
    double sum = 0;
    for (Hit<Tag> noun : hits) {
      if (!has(noun, Tag.Kind.IRONY_NOUN) || src.inQuote(noun.start()) || overlaps(kept, noun)) {
        continue;
      }
      Hit<Tag> target = mockedTarget(src, hits, noun, clause, tFirst, natoText);
      if (target == null) {
        continue;
      }
      int polarity = has(target, Tag.Kind.TARGET_ALT) ? +1 : -1;
      Tag tag =
          new Tag(Tag.Kind.CUE, polarity, p.ironicTarget(), false, false, false, false, false);
      sum +=
          cueValue(
              src,
              noun,
              tag,
              hits,
              clause,
              tFirst,
              tLast,
              headline,
              question,
              rhetorical,
              new boolean[2]);
    }
    return sum;
  }

  /** The membership phrase an irony noun is about: just before it, or after "of"/"that"/"about". */
  private Hit<Tag> mockedTarget(
      Source src, List<Hit<Tag>> hits, Hit<Tag> noun, int[] clause, int tFirst, boolean natoText) {
    int nounFirst = src.firstTokenAtOrAfter(noun.start());
    int nounLast = src.lastTokenEndingBy(noun.end());
    int nounClause = clauseAt(clause, nounFirst, tFirst);
    boolean linked =
        nounLast + 1 < src.ntok
            && !src.gapHasPunct(nounLast, nounLast + 1)
            && LINKS.contains(src.word(nounLast + 1));
    Hit<Tag> found = null;
    for (Hit<Tag> h : hits) {
      // In a text about NATO, "the membership fantasy" needs no "NATO" next to it.
      boolean target = has(h, Tag.Kind.TARGET) || (natoText && WEAK_MOCKED.contains(h.phrase()));
      if (!target || mockSkipped(h)) {
        continue;
      }
      int hFirst = src.firstTokenAtOrAfter(h.start());
      if (hFirst < tFirst || clauseAt(clause, hFirst, tFirst) != nounClause) {
        continue;
      }
      int hLast = src.lastTokenEndingBy(h.end());
      boolean compound = h.end() <= noun.start() && nounFirst - hLast <= 2;
      boolean object = linked && h.start() >= noun.end() && hFirst - nounLast <= 6;
      if (compound || object) {
        found = h;
      }
    }
    return found;
  }

  private boolean mockSkipped(Hit<Tag> target) {
    for (String w : target.phrase().split(" ")) {
      if (lex.ironySkipTargets.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> WEAK_MOCKED =
      java.util.Set.of("membership", "accession");

  private static final java.util.Set<String> LINKS = java.util.Set.of("of", "that", "about");

  private static boolean overlaps(List<Hit<Tag>> hits, Hit<Tag> h) {
    for (Hit<Tag> k : hits) {
      if (k.start() < h.end() && h.start() < k.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the membership phrase a predicate judges is an alternative to membership ("Neutrality
   * would be dangerous", "A neutral status is the answer"): the nearest target before it in its
   * clause.
   */
  private static boolean alternativeSubject(
      Source src, List<Hit<Tag>> hits, Hit<Tag> cue, int[] clause, int tFirst) {
    int cueTok = src.firstTokenAtOrAfter(cue.start());
    int cueClause = clauseAt(clause, cueTok, tFirst);
    Hit<Tag> nearest = null;
    for (Hit<Tag> h : hits) {
      if (h.end() > cue.start() || !has(h, Tag.Kind.TARGET)) {
        continue;
      }
      int hTok = src.firstTokenAtOrAfter(h.start());
      if (hTok >= tFirst
          && clauseAt(clause, hTok, tFirst) == cueClause
          && cueTok - src.lastTokenEndingBy(h.end()) <= 8) {
        nearest = h;
      }
    }
    return nearest != null && has(nearest, Tag.Kind.TARGET_ALT);
  }

  /** Counts genre signals of one sentence (see stance/genre.yaml). */
  private void genreSignals(
      Source src, List<Hit<Tag>> hits, int tFirst, int start, int end, Scored out) {
    boolean author = out.byAuthor();
    for (Hit<Tag> h : hits) {
      if (src.inQuote(h.start())) {
        continue;
      }
      for (Tag t : h.payloads()) {
        switch (t.kind()) {
          case NEWS_MARKER -> out.newsSignals++;
          case OPINION_MARKER, DEONTIC, RHETORICAL -> out.opinionSignals += author ? 1 : 0;
          case CONTRAST ->
              out.opensWithContrast |= src.firstTokenAtOrAfter(h.start()) - tFirst == 0;
          case REBUTTAL -> {
            boolean opens = src.firstTokenAtOrAfter(h.start()) - tFirst <= 1;
            out.rebuttal |= opens;
            int last = src.lastTokenEndingBy(end);
            // Short ("It is not.") or nothing but the verdict ("But I am not persuaded.").
            out.denial |= opens && (last - tFirst < 4 || src.lastTokenEndingBy(h.end()) == last);
          }
          default -> {}
        }
      }
    }
    if (author) {
      for (int i = start; i < end; i++) {
        if (src.original.charAt(i) == '!' && !src.inQuote(i)) {
          out.opinionSignals++;
          break;
        }
      }
    }
  }

  private double cueValue(
      Source src,
      Hit<Tag> cue,
      Tag tag,
      List<Hit<Tag>> hits,
      int[] clause,
      int tFirst,
      int tLast,
      boolean headline,
      boolean question,
      boolean rhetorical,
      boolean[] mode) {
    int cueTok = src.firstTokenAtOrAfter(cue.start());
    int cueClause = clauseAt(clause, cueTok, tFirst);
    double value = tag.polarity() * tag.weight();
    int negations = 0;
    boolean hedged = false;
    boolean intensified = false;
    boolean ironic = false;
    boolean concessive = false;
    boolean afterContrast = false;
    boolean contrastLater = false;
    boolean deontic = false;
    boolean future = false;
    boolean conditional = false;
    boolean embedded = false;
    boolean rejectedAfter = false;
    boolean judged = false;
    boolean categorical = false;
    boolean opponent = false;
    boolean disclaimed = false;
    for (Hit<Tag> h : hits) {
      if (h.start() >= cue.start() && h.end() <= cue.end()) {
        continue; // modifiers inside the cue phrase are part of its meaning
      }
      if (h.start() < cue.end() && cue.start() < h.end() && has(h, Tag.Kind.IRONY)) {
        continue; // "the myth of" around the irony noun "myth" is the same marker
      }
      int hTok = src.firstTokenAtOrAfter(h.start());
      int hLastTok = src.lastTokenEndingBy(h.end());
      boolean before = h.end() <= cue.start();
      boolean sameClause = hTok >= tFirst && clauseAt(clause, hTok, tFirst) == cueClause;
      int distance = cueTok - hLastTok;
      for (Tag t : h.payloads()) {
        switch (t.kind()) {
          case NEGATOR -> {
            // "stop pretending" is one irony marker, not a negation of the pretence
            if (before
                && sameClause
                && distance <= p.negationWindow()
                && !insideKind(hits, h, Tag.Kind.IRONY)) {
              negations++;
              // "will never join" is a categorical claim, not a neutral forecast.
              categorical |= h.phrase().equals("never");
            }
          }
          case HEDGE -> hedged |= sameClause;
          case INTENSIFIER -> intensified |= before && sameClause && distance <= 3;
          case IRONY -> ironic |= before && distance <= p.ironyWindow();
          case OPPONENT -> opponent |= before && sameClause && distance <= OPPONENT_REACH;
          case DISCLAIMER -> disclaimed |= before && sameClause && distance <= 4;
          case CONCESSIVE -> concessive |= sameClause && before;
          case CONTRAST -> {
            if (before) {
              afterContrast = true;
            } else {
              contrastLater = true;
            }
          }
          case CONDITIONAL -> conditional |= before && sameClause;
          case EMBEDDED_QUESTION -> embedded |= before && sameClause;
          case REJECT_BEFORE -> {
            // "It would be a mistake to ..." scopes over its whole infinitive clause.
            if (before && distance <= p.ironyWindow()) {
              negations++;
              judged = true;
            }
          }
          case REJECT_AFTER ->
              // "..., and it proved hollow": a pronoun carries the verdict into the next clause
              rejectedAfter |=
                  h.start() >= cue.end()
                      && (sameClause
                          || (hTok - 1 >= tFirst
                              && ANAPHORIC_SUBJECTS.contains(src.word(hTok - 1))));
          case DEONTIC ->
              deontic |= modalInRange(before, sameClause, distance, hTok, cueTok, cue, src);
          case FUTURE ->
              future |= modalInRange(before, sameClause, distance, hTok, cueTok, cue, src);
          default -> {}
        }
      }
    }
    if (tag.fixedPolarity() && disclaimed) {
      return 0; // "None of this requires abandoning Ukraine": the writer disowns the charge
    }
    if (opponent && !question) {
      return 0; // "those who want to close the door": the opponents' position, described
    }
    if (negations % 2 == 1 && !tag.fixedPolarity()) {
      value = -value;
    }
    if (rejectedAfter) {
      value = tag.fixedPolarity() ? value : -value;
      judged = true; // "... makes no sense" is the writer's verdict on the action
    }
    if (conditional) {
      // "If Ukraine joined NATO, ..." names the hypothesis; the consequence carries the stance.
      value *= tag.action() ? p.conditionalAction() : p.conditional();
    }
    if (embedded && !rejectedAfter) {
      // "the debate over whether Ukraine should join", "the claim that ...": asked or reported,
      // not argued; unless the writer then rejects it ("the claim that ... proved hollow").
      value *= p.embeddedQuestion();
    }
    if (tag.action()) {
      boolean imperative = !question && isImperativePosition(src, tFirst, cueTok);
      if (deontic || judged) {
        value *= p.deontic();
        mode[1] = true;
      } else if (imperative) {
        value *= p.imperative();
        mode[1] = true;
      } else if (future) {
        value *= p.future();
        mode[0] = !categorical;
        mode[1] = categorical;
      } else {
        value *= p.bare();
        mode[0] = true;
      }
    }
    if (hedged) {
      value *= p.hedge();
    }
    if (intensified) {
      value *= p.intensifier();
    }
    if (ironic || scareQuoted(src, cue, cueTok, clause, tFirst)) {
      value = -value * p.ironyFlip();
    }
    if (concessive || (contrastLater && !afterContrast)) {
      value *= p.concession();
    } else if (afterContrast) {
      value *= p.afterContrast();
    }
    if (rhetorical) {
      value = -value * p.rhetoricalQuestion();
    } else if (question) {
      // "What do those who want to close the door propose instead?" challenges their position.
      value *= opponent ? -p.rhetoricalQuestion() : p.question();
    }
    return value;
  }

  /**
   * A deontic modal in the same clause as a membership target, without an explicit cue: leans
   * toward membership, or against it when a negator stands next to the modal.
   */
  private double genericDeontic(Source src, List<Hit<Tag>> hits, int[] clause, int tFirst) {
    for (Hit<Tag> modal : hits) {
      if (!has(modal, Tag.Kind.DEONTIC) || src.inQuote(modal.start())) {
        continue;
      }
      int mTok = src.firstTokenAtOrAfter(modal.start());
      int mLast = src.lastTokenEndingBy(modal.end());
      int mClause = clauseAt(clause, mTok, tFirst);
      boolean targetInClause = false;
      boolean negated = false;
      boolean rejected = false;
      boolean alternative = false;
      boolean unasserted = false;
      for (Hit<Tag> h : hits) {
        // "It is unclear why NATO should ...", "there is no reason to ...": a rejecting frame.
        if (has(h, Tag.Kind.REJECT_BEFORE)
            && h.end() <= modal.start()
            && mTok - src.lastTokenEndingBy(h.end()) <= p.ironyWindow()) {
          rejected = true;
        }
        int hTok = src.firstTokenAtOrAfter(h.start());
        if (hTok < tFirst || clauseAt(clause, hTok, tFirst) != mClause) {
          continue;
        }
        if (has(h, Tag.Kind.TARGET) && h.start() >= modal.end()) {
          targetInClause = true;
          // "should put neutrality on the table": the alternative to membership is the object
          alternative = has(h, Tag.Kind.TARGET_ALT);
        }
        if (has(h, Tag.Kind.NEGATOR) && Math.abs(hTok - mLast) <= 2) {
          negated = true;
        }
        // "debating whether Ukraine should be a member", "if NATO should ever admit ...": asked
        // or supposed, not argued.
        if ((has(h, Tag.Kind.EMBEDDED_QUESTION) || has(h, Tag.Kind.CONDITIONAL))
            && h.end() <= modal.start()) {
          unasserted = true;
        }
      }
      if (targetInClause && !unasserted) {
        return negated ^ rejected ^ alternative
            ? -p.genericDeonticTarget()
            : p.genericDeonticTarget();
      }
    }
    return 0;
  }

  /**
   * "Support for its membership", "their backing of the bid": the verb cue used as a noun describes
   * someone's position rather than taking one.
   */
  private boolean nounUse(Source src, Hit<Tag> cue, int tFirst) {
    int first = src.firstTokenAtOrAfter(cue.start());
    int last = src.lastTokenEndingBy(cue.end());
    if (first > tFirst
        && !src.gapHasPunct(first - 1, first)
        && lex.nounDeterminers.contains(src.word(first - 1))) {
      return true;
    }
    return last + 1 < src.ntok
        && !src.gapHasPunct(last, last + 1)
        && lex.nounFollowers.contains(src.word(last + 1));
  }

  /** A membership phrase starting at most four words after the verb, in its clause. */
  private static boolean targetAfter(
      Source src, List<Hit<Tag>> hits, Hit<Tag> cue, int[] clause, int tFirst) {
    int cueLast = src.lastTokenEndingBy(cue.end());
    for (Hit<Tag> h : hits) {
      if (h.start() < cue.end() || !has(h, Tag.Kind.TARGET)) {
        continue;
      }
      int hTok = src.firstTokenAtOrAfter(h.start());
      if (hTok - cueLast <= 4
          && clauseAt(clause, hTok, tFirst) == clauseAt(clause, cueLast, tFirst)) {
        return true;
      }
    }
    return false;
  }

  /** A membership phrase before the predicate, in its clause, at most 8 words away. */
  private static Hit<Tag> targetBefore(
      Source src, List<Hit<Tag>> hits, Hit<Tag> cue, int[] clause, int tFirst, boolean natoText) {
    int cueTok = src.firstTokenAtOrAfter(cue.start());
    for (Hit<Tag> h : hits) {
      boolean target = has(h, Tag.Kind.TARGET) || (natoText && h.phrase().equals("membership"));
      if (h.end() > cue.start() || !target) {
        continue;
      }
      int hTok = src.firstTokenAtOrAfter(h.start());
      int hClause = clauseAt(clause, hTok, tFirst);
      int cueClause = clauseAt(clause, cueTok, tFirst);
      // "If Ukraine joined NATO, it would mean war": the consequence judges the if-clause.
      boolean consequence =
          hClause == cueClause - 1 && opensWithConditional(src, hits, clause, tFirst, hClause);
      if (hTok >= tFirst
          && (hClause == cueClause || consequence)
          && cueTok - src.lastTokenEndingBy(h.end()) <= (consequence ? 15 : 8)) {
        return h;
      }
    }
    return null;
  }

  /**
   * "Admitting Ukraine would put the alliance in ...": an action in gerund form opening the
   * sentence and followed by a modal is the subject of a consequence, not advocated; what the
   * consequence says decides.
   */
  private static boolean gerundSubject(Source src, List<Hit<Tag>> hits, Hit<Tag> cue, int tFirst) {
    int first = src.firstTokenAtOrAfter(cue.start());
    if (first != afterHeadlineLabel(src, tFirst, first) || !src.word(first).endsWith("ing")) {
      return false;
    }
    int last = src.lastTokenEndingBy(cue.end());
    for (Hit<Tag> h : hits) {
      int t = src.firstTokenAtOrAfter(h.start());
      if (h.start() >= cue.end()
          && t - last <= 4
          && (has(h, Tag.Kind.FUTURE) || has(h, Tag.Kind.HEDGE) || has(h, Tag.Kind.DEONTIC))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first token after a short label and colon opening the sentence ("Letter: Admitting ...",
   * "Digest: Don't let ..."), or {@code tFirst} when there is none before {@code cueTok}.
   */
  private static int afterHeadlineLabel(Source src, int tFirst, int cueTok) {
    for (int t = tFirst + 1; t <= cueTok && t - tFirst <= 3; t++) {
      if (src.original.substring(src.tokEnd[t - 1], src.tokStart[t]).indexOf(':') >= 0) {
        return t;
      }
    }
    return tFirst;
  }

  /** Whether clause {@code k} of the sentence starts with an if / unless marker. */
  private static boolean opensWithConditional(
      Source src, List<Hit<Tag>> hits, int[] clause, int tFirst, int k) {
    for (Hit<Tag> h : hits) {
      if (has(h, Tag.Kind.CONDITIONAL)) {
        int t = src.firstTokenAtOrAfter(h.start());
        int i = t - tFirst;
        if (i >= 0 && i < clause.length && clause[i] == k && (i == 0 || clause[i - 1] != k)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the text from {@code from} to the next sentence-final mark before {@code end} ends in a
   * question mark; {@code fallback} when no such mark follows.
   */
  static boolean questionAt(String text, int from, int end, boolean fallback) {
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c == '?') {
        return true;
      }
      if (c == '!' || (c == '.' && endsSentence(text, i, end))) {
        return i + 1 == end ? fallback : false;
      }
    }
    return fallback;
  }

  /** A period followed by space and a capital, not the end of an initialism ("U.S. back"). */
  private static boolean endsSentence(String text, int dot, int end) {
    if (dot + 1 == end) {
      return true;
    }
    if (!Character.isWhitespace(text.charAt(dot + 1))
        || (dot >= 2 && text.charAt(dot - 2) == '.')) {
      return false;
    }
    int next = dot + 1;
    while (next < end && Character.isWhitespace(text.charAt(next))) {
      next++;
    }
    return next == end || !Character.isLowerCase(text.charAt(next));
  }

  /**
   * A cue that ends in the alliance's name followed by a noun it modifies ("outside NATO
   * headquarters", "join NATO allies in condemning"): the alliance is not the object.
   */
  private boolean allianceAsModifier(Source src, List<Hit<Tag>> hits, Hit<Tag> cue, int tLast) {
    int last = src.lastTokenEndingBy(cue.end());
    if (last + 1 > tLast || src.gapHasPunct(last, last + 1)) {
      return false;
    }
    if (!lex.compoundHeads.contains(src.word(last + 1))) {
      return false;
    }
    for (Hit<Tag> h : hits) {
      if (h.end() == cue.end() && has(h, Tag.Kind.NATO)) {
        return true;
      }
    }
    return false;
  }

  /**
   * "The case against admitting Ukraine rests on one fear: ...": a presented-case subject in the
   * first three words and, after it, what the case holds (a content verb or a colon).
   */
  private static boolean presentsCase(Source src, List<Hit<Tag>> hits, int tFirst, int tLast) {
    int caseEnd = -1;
    for (Hit<Tag> h : hits) {
      if (has(h, Tag.Kind.PRESENTED_CASE)
          && !src.inQuote(h.start())
          && src.firstTokenAtOrAfter(h.start()) - tFirst <= 2) {
        caseEnd = h.end();
        break;
      }
    }
    if (caseEnd < 0) {
      return false;
    }
    for (Hit<Tag> h : hits) {
      if (h.start() >= caseEnd && has(h, Tag.Kind.CASE_CONTENT) && !src.inQuote(h.start())) {
        return true;
      }
    }
    int caseTok = src.lastTokenEndingBy(caseEnd);
    for (int t = caseTok; t < tLast; t++) {
      for (int i = src.tokEnd[t]; i < src.tokStart[t + 1]; i++) {
        if (src.original.charAt(i) == ':') {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A short speaker-less quote right next to the cue ('Ukraine's "right" to join NATO') is the
   * writer distancing themselves from the words: read as irony.
   */
  private static boolean scareQuoted(
      Source src, Hit<Tag> cue, int cueTok, int[] clause, int tFirst) {
    for (Source.Quote q : src.quotes) {
      if (!q.scare() || q.end() > cue.end() + 1 || q.start() >= cue.start()) {
        continue;
      }
      int qTok = src.firstTokenAtOrAfter(q.start());
      if (qTok >= tFirst && cueTok - src.lastTokenEndingBy(q.end()) <= 3) {
        return true;
      }
    }
    return false;
  }

  /** The cue opens the sentence, possibly after "do not", "don't", "never", "please", "just". */
  private static boolean isImperativePosition(Source src, int tFirst, int cueTok) {
    String verb = src.word(cueTok);
    if (verb.endsWith("ing") || verb.endsWith("ed")) {
      return false; // "Admitting Ukraine would be ..." is a subject, not an order
    }
    // A headline may carry a label before a colon ("Weekly digest: Don't let ...").
    int from = tFirst;
    for (int t = cueTok - 1; t > tFirst; t--) {
      if (src.original.substring(src.tokEnd[t - 1], src.tokStart[t]).indexOf(':') >= 0) {
        from = t;
        break;
      }
    }
    boolean causative = false; // "Let Ukraine join", "Don't allow Kyiv to join"
    for (int t = from; t < cueTok; t++) {
      String w = src.word(t);
      if (!causative && (w.equals("let") || w.equals("allow") || w.equals("help"))) {
        causative = true;
        continue;
      }
      if (causative
          && (w.equals("ukraine")
              || w.equals("kyiv")
              || w.equals("kiev")
              || w.equals("it")
              || w.equals("to"))) {
        continue;
      }
      if (causative) {
        return false;
      }
      if (!(w.equals("don't")
          || w.equals("do")
          || w.equals("not")
          || w.equals("never")
          || w.equals("please")
          || w.equals("just")
          || w.equals("so")
          || w.equals("now"))) {
        return false;
      }
    }
    return true;
  }

  private boolean modalInRange(
      boolean before,
      boolean sameClause,
      int distance,
      int hTok,
      int cueTok,
      Hit<Tag> cue,
      Source src) {
    if (before) {
      return sameClause && distance <= p.modalityWindow();
    }
    // "Joining NATO should be ..." / "membership must come": modal right after the cue phrase.
    int cueLast = src.lastTokenEndingBy(cue.end());
    return sameClause && hTok - cueLast <= 3;
  }

  /** Clause of token {@code t}, clamped to the sentence (phrases can straddle its edges). */
  private static int clauseAt(int[] clause, int t, int tFirst) {
    int i = Math.max(0, Math.min(clause.length - 1, t - tFirst));
    return clause[i];
  }

  /**
   * "After Bucha, after Mariupol, who can seriously propose ...?": a rhetorical opener may follow
   * fronted phrases, as long as it opens its clause.
   */
  private static boolean rhetoricalAfterComma(Source src, List<Hit<Tag>> hits, int tFirst) {
    for (Hit<Tag> h : hits) {
      if (!has(h, Tag.Kind.RHETORICAL)) {
        continue;
      }
      int t = src.firstTokenAtOrAfter(h.start());
      if (t > tFirst && src.gapHasClausePunct(t - 1, t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasKindNear(
      List<Hit<Tag>> hits, Tag.Kind kind, Source src, int tFirst, int maxTok) {
    for (Hit<Tag> h : hits) {
      if (has(h, kind) && src.firstTokenAtOrAfter(h.start()) - tFirst <= maxTok) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithQuestion(String text, int start, int end) {
    for (int i = end - 1; i >= start; i--) {
      char c = text.charAt(i);
      if (c == '?') {
        return true;
      }
      if (!(Character.isWhitespace(c)
          || c == '"'
          || c == '\u201D'
          || c == '\''
          || c == '\u2019'
          || c == ')')) {
        return false;
      }
    }
    return false;
  }

  /**
   * Drops a modifier when a longer phrase of the same kind covers it ("would be a mistake to"
   * inside "it would be a mistake to"), so that one negation is not counted twice.
   */
  private static List<Hit<Tag>> withoutNestedModifiers(List<Hit<Tag>> hits) {
    List<Hit<Tag>> out = new ArrayList<>(hits.size());
    for (Hit<Tag> h : hits) {
      List<Tag> kept = new ArrayList<>(h.payloads().size());
      for (Tag t : h.payloads()) {
        if (t.kind() == Tag.Kind.CUE || !coveredBySameKind(hits, h, t.kind())) {
          kept.add(t);
        }
      }
      if (kept.size() == h.payloads().size()) {
        out.add(h);
      } else if (!kept.isEmpty()) {
        long flags = 0;
        for (Tag t : kept) {
          flags |= t.kindBit();
        }
        out.add(new Hit<>(h.start(), h.end(), h.phrase(), List.copyOf(kept), flags));
      }
    }
    return out;
  }

  private static boolean insideKind(List<Hit<Tag>> hits, Hit<Tag> h, Tag.Kind kind) {
    for (Hit<Tag> o : hits) {
      if (o != h && o.start() <= h.start() && o.end() >= h.end() && has(o, kind)) {
        return true;
      }
    }
    return false;
  }

  private static boolean coveredBySameKind(List<Hit<Tag>> hits, Hit<Tag> h, Tag.Kind kind) {
    for (Hit<Tag> o : hits) {
      if (o != h
          && o.start() <= h.start()
          && o.end() >= h.end()
          && o.end() - o.start() > h.end() - h.start()
          && has(o, kind)) {
        return true;
      }
    }
    return false;
  }

  /** Keeps the longest of overlapping cue matches ("allowing Ukraine to join" over "join NATO"). */
  private static List<Hit<Tag>> dropContained(List<Hit<Tag>> cues) {
    if (cues.size() < 2) {
      return cues;
    }
    List<Hit<Tag>> byLength = new ArrayList<>(cues);
    byLength.sort(Comparator.comparingInt((Hit<Tag> h) -> h.start() - h.end()));
    List<Hit<Tag>> kept = new ArrayList<>();
    for (Hit<Tag> h : byLength) {
      boolean inside = false;
      for (Hit<Tag> k : kept) {
        if (h.start() < k.end() && k.start() < h.end()) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        kept.add(h);
      }
    }
    return kept;
  }

  private static boolean has(Hit<Tag> h, Tag.Kind kind) {
    return (h.flags() & Tag.bit(kind)) != 0;
  }

  /** Accumulates sentence scores into the document result. */
  private final class DocState {
    final boolean natoText;
    boolean previousRelevant;
    final SpeakerAttribution.Context speakers = new SpeakerAttribution.Context();
    double authorSum;
    double authorPredictive;
    double authorMass;
    double attributedMass;
    double authorFraming;
    double lastOthers; // value of the latest strawman sentence ("Some argue ...")
    int sinceOthers = 99;
    boolean lastOthersStrawman;
    boolean quietAfterOthers; // the sentence after the latest reported view carries no stance
    int opinionSignals;
    int newsSignals;
    int attributedSentences;
    int sentences;
    boolean opinion;
    final List<EvidenceSentence> author = new ArrayList<>();
    final List<EvidenceSentence> attributed = new ArrayList<>();
    final List<Double> attributedRaw = new ArrayList<>();

    DocState(boolean natoText, String body) {
      this.natoText = natoText;
      this.bodyRef = body;
    }

    final List<String> authorSentences = new ArrayList<>();

    void add(Scored s, Sentence sentence) {
      opinion |= s.opinionMarker;
      sentences++;
      opinionSignals += s.opinionSignals;
      newsSignals += s.newsSignals;
      if (!s.byAuthor()) {
        attributedSentences++;
      }
      sinceOthers++;
      if (sinceOthers == 1) {
        quietAfterOthers = s.value == 0;
      }
      // A denial may come one sentence later when the sentence between carries no stance
      // ("Your columnist argues X. I admire her conviction. But I am not persuaded."); a strawman
      // is answered at once (a later "But ..." often turns to something else).
      if (s.byAuthor()
          && (lastOthersStrawman ? s.rebuttal : s.denial)
          && lastOthers != 0
          && (sinceOthers <= 1 || (sinceOthers == 2 && quietAfterOthers && !lastOthersStrawman))) {
        // "Some argue X. In fact, ..." - the writer answers the strawman: the opposite of X, as
        // firmly as an explicit cue however weakly the strawman was put.
        double answer = -Math.signum(lastOthers) * Math.max(1.0, Math.abs(lastOthers));
        s.value =
            Math.max(-p.sentenceCap(), Math.min(p.sentenceCap(), s.value + answer * p.rebuttal()));
        lastOthers = 0;
      } else if (s.byAuthor() && s.verdict && sinceOthers == 1 && lastOthers != 0) {
        // "Some float an armistice with Ukraine out of the alliance. This would be a grave
        // mistake.": the verdict judges the view just reported, whichever way that view leans.
        s.value *= Math.signum(lastOthers);
        lastOthers = 0;
      }
      if (s.value != 0 && ("others".equals(s.speaker) || (!s.byAuthor() && s.relevant))) {
        // Strawmen are answered by any rebuttal opener, other reported views only by a denial.
        lastOthers = s.value;
        lastOthersStrawman = "others".equals(s.speaker);
        sinceOthers = 0;
      }
      if (s.value == 0) {
        return;
      }
      if (s.byAuthor()) {
        double c = s.weighted() * (s.endorsed ? p.endorsed() : 1.0);
        authorFraming += s.framing * s.weight;
        authorSum += c;
        authorPredictive += c * s.predictiveShare;
        authorMass += Math.abs(c);
        if (sentence != null) {
          author.add(evidence(sentence, AUTHOR, c));
        }
      } else {
        attributedMass += Math.abs(s.value);
        if (sentence != null) {
          attributed.add(evidence(sentence, s.speaker, 0.0));
          attributedRaw.add(Math.abs(s.value));
        }
      }
    }

    private EvidenceSentence evidence(Sentence s, String speaker, double c) {
      return new EvidenceSentence(
          bodyRef.substring(s.start(), s.end()), s.start(), s.end(), speaker, round(c));
    }

    final String bodyRef;

    /**
     * Genre evidence: positive for opinion writing (first person, stance adverbs, modals and
     * exclamations in the writer's voice, a genre label), negative for news (wire-style markers,
     * the share of sentences that report others).
     */
    double genre() {
      if (sentences == 0) {
        return 0;
      }
      double g = Math.min(opinionSignals, 8) - Math.min(newsSignals, 8);
      g -= 8.0 * Math.max(0, (double) attributedSentences / sentences - 0.25);
      return opinionLabel ? Math.max(g, p.genre().opinionAt()) : g;
    }

    boolean opinionLabel;

    StanceOutcome finish(String body) {
      double genre = genre();
      ScoringParams.Genre gp = p.genre();
      boolean opinionGenre = genre >= gp.opinionAt();
      boolean newsGenre = genre <= gp.newsAt();
      double framingFactor =
          opinionGenre ? gp.opinionFraming() : newsGenre ? gp.newsFraming() : 1.0;
      double sum = authorSum + authorFraming * (framingFactor - 1.0);

      if (!opinion) {
        // Without any opinion marker, "Ukraine will join" / "applied to join" are reports.
        double keep = newsGenre ? gp.newsPredictive() : p.newsPredictive();
        sum -= authorPredictive * (1 - keep);
      }
      double total = authorMass + attributedMass;
      if (!opinion && total > 0 && attributedMass / total > p.newsAttributedShare()) {
        sum *= p.newsDamping();
      }
      double score = Math.tanh(sum / p.scale());
      double favorAt =
          opinionGenre
              ? gp.opinionFavorThreshold()
              : newsGenre ? gp.newsFavorThreshold() : p.favorThreshold();
      double againstAt =
          opinionGenre
              ? gp.opinionAgainstThreshold()
              : newsGenre ? gp.newsAgainstThreshold() : p.againstThreshold();
      StanceLabel label =
          score >= favorAt
              ? StanceLabel.FAVOR
              : score <= againstAt ? StanceLabel.AGAINST : StanceLabel.NEUTRAL;
      int nEvidence = author.size();
      double confidence;
      if (label == StanceLabel.NEUTRAL) {
        double threshold = score >= 0 ? favorAt : -againstAt;
        confidence = logistic(p.confNeutralA() - p.confNeutralB() * Math.abs(score) / threshold);
      } else {
        confidence =
            logistic(p.confA() * Math.abs(score) + p.confB() + p.confC() * Math.min(nEvidence, 6));
      }
      author.sort(Comparator.comparingDouble((EvidenceSentence e) -> -Math.abs(e.contribution())));
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < attributed.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingDouble(i -> -attributedRaw.get(i)));
      List<EvidenceSentence> evidence = new ArrayList<>();
      for (int i = 0; i < Math.min(p.maxAuthorEvidence(), author.size()); i++) {
        evidence.add(author.get(i));
      }
      for (int i = 0; i < Math.min(p.maxAttributedEvidence(), order.size()); i++) {
        evidence.add(attributed.get(order.get(i)));
      }
      return new StanceOutcome(
          label,
          round(score),
          round(confidence),
          List.copyOf(evidence),
          List.copyOf(authorSentences));
    }
  }

  private static double logistic(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  private static double round(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }
}
