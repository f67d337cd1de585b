package io.stancestream.analysis.stance;

/**
 * What a lexicon phrase means to the stance scorer.
 *
 * @param kind the role of the phrase
 * @param polarity +1 (favors membership), -1 (against), 0 for non-cue kinds
 * @param weight cue weight (1.0 for non-cue kinds)
 * @param action true for action cues (join, invite / close the door) that need modality
 * @param predicate true for evaluative words that need a membership phrase before them
 * @param framing true for loaded framing words that count without a membership phrase
 * @param needsObject true for verbs that count only with a membership phrase right after them
 * @param fixedPolarity true for criticisms ("appeasement", "risking nuclear war") whose direction
 *     negation does not change: "we must not appease Moscow" still criticises appeasement
 */
record Tag(
    Kind kind,
    int polarity,
    double weight,
    boolean action,
    boolean predicate,
    boolean framing,
    boolean needsObject,
    boolean fixedPolarity) {

  /** Roles a phrase can play. */
  enum Kind {
    CUE,
    NEGATOR,
    DEONTIC,
    FUTURE,
    HEDGE,
    IRONY,
    CONTRAST,
    CONCESSIVE,
    RHETORICAL,
    INTENSIFIER,
    REJECT_AFTER,
    REJECT_BEFORE,
    CONDITIONAL,
    EMBEDDED_QUESTION,
    REBUTTAL,
    NEWS_MARKER,
    OPINION_MARKER,
    REPORT,
    SPEAKER_FOLLOWS,
    OTHERS_VIEW,
    REPORTED_FACT,
    AUTHOR_VOICE,
    AUTHOR_REJECTS,
    ENDORSE,
    TARGET,
    TARGET_WEAK,
    NATO,
    UKRAINE,
    TARGET_ALT,
    IRONY_NOUN,
    OPPONENT,
    DISCLAIMER,
    EXPOSITION,
    INTERVIEW_MARKER,
    PRESENTED_CASE,
    CASE_CONTENT,
    OTHER_CANDIDATE,
    GENERIC_CANDIDATE
  }

  static {
    if (Kind.values().length > Long.SIZE) {
      throw new AssertionError("a hit's flags hold one bit per kind: at most 64 kinds");
    }
  }

  /**
   * This tag's kind as a bit of {@link io.stancestream.analysis.lexicon.PhraseLexicon.Hit#flags}.
   */
  long kindBit() {
    return bit(kind);
  }

  /** A kind's bit in {@link io.stancestream.analysis.lexicon.PhraseLexicon.Hit#flags}. */
  static long bit(Kind kind) {
    return 1L << kind.ordinal();
  }

  static Tag of(Kind kind) {
    return new Tag(kind, 0, 1.0, false, false, false, false, false);
  }
}
