package io.stancestream.analysis.stance;

import com.fasterxml.jackson.databind.JsonNode;
import io.stancestream.analysis.lexicon.ConfigFiles;
import io.stancestream.analysis.lexicon.PhraseLexicon;
import io.stancestream.analysis.text.NormalizedText;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * All stance data files ({@code stance/cues.yaml}, {@code modifiers.yaml}, {@code
 * attribution.yaml}, {@code targets.yaml}) compiled into one Aho-Corasick lexicon, so that a whole
 * article is scanned once, plus the small word sets used when looking for a speaker. Immutable.
 */
final class StanceLexicon {

  final PhraseLexicon<Tag> phrases;
  final Set<String> authorSubjects;
  final Set<String> pronouns;
  final Set<String> subjectSkip;

  /** Words before a headline colon that label a section, not a speaker ("Analysis: ..."). */
  final Set<String> headlineLabels;

  /** Words that open an order after a headline colon ("Digest: Don't let ..."). */
  final Set<String> headlineImperatives;

  final Set<String> headlineSources;

  /**
   * Words of membership phrases that an irony noun does not mock ("the myth of NATO expansion").
   */
  final Set<String> ironySkipTargets;

  final Set<String> nounDeterminers;
  final Set<String> nounFollowers;

  /**
   * Nouns that make a preceding "NATO" / "the alliance" a modifier ("NATO headquarters", "NATO
   * allies"): a cue ending in the alliance's name is then not about membership.
   */
  final Set<String> compoundHeads;

  final int cueCount;

  StanceLexicon(ConfigFiles files) {
    PhraseLexicon.Builder<Tag> b = PhraseLexicon.builder(Tag::kindBit);
    JsonNode cues = files.yaml("stance/cues.yaml");
    int count = 0;
    for (String side : new String[] {"favor", "against"}) {
      int sign = side.equals("favor") ? +1 : -1;
      JsonNode s = cues.path(side);
      count += addCues(b, s.path("actions"), cue(sign, true, false, false, false));
      count += addCues(b, s.path("evaluations"), cue(sign, false, false, false, false));
      count += addCues(b, s.path("predicates"), cue(sign, false, true, false, false));
      count += addCues(b, s.path("framing"), cue(sign, false, false, true, false));
      count += addCues(b, s.path("verbs"), cue(sign, true, false, false, true));
      count += addCues(b, s.path("criticisms"), criticism(sign));
    }
    if (count == 0) {
      throw new IllegalStateException("stance/cues.yaml defines no cues");
    }
    this.cueCount = count;

    JsonNode mod = files.yaml("stance/modifiers.yaml");
    addList(b, mod.path("negators"), Tag.Kind.NEGATOR);
    addList(b, mod.path("deontic"), Tag.Kind.DEONTIC);
    addList(b, mod.path("future"), Tag.Kind.FUTURE);
    addList(b, mod.path("hedges"), Tag.Kind.HEDGE);
    addList(b, mod.path("irony"), Tag.Kind.IRONY);
    addList(b, mod.path("contrast"), Tag.Kind.CONTRAST);
    addList(b, mod.path("concessive"), Tag.Kind.CONCESSIVE);
    addList(b, mod.path("rhetorical_openers"), Tag.Kind.RHETORICAL);
    addList(b, mod.path("intensifiers"), Tag.Kind.INTENSIFIER);
    addList(b, mod.path("rejecting_after"), Tag.Kind.REJECT_AFTER);
    addList(b, mod.path("rejecting_before"), Tag.Kind.REJECT_BEFORE);
    addList(b, mod.path("conditional"), Tag.Kind.CONDITIONAL);
    addList(b, mod.path("embedded_question"), Tag.Kind.EMBEDDED_QUESTION);
    addList(b, mod.path("unasserted_content"), Tag.Kind.EMBEDDED_QUESTION);
    addList(b, mod.path("rebuttal_openers"), Tag.Kind.REBUTTAL);
    addList(b, mod.path("irony_nouns"), Tag.Kind.IRONY_NOUN);
    addList(b, mod.path("opponent_frames"), Tag.Kind.OPPONENT);
    addList(b, mod.path("disclaimers"), Tag.Kind.DISCLAIMER);
    this.ironySkipTargets = words(mod.path("irony_skip_targets"));
    this.nounDeterminers = words(mod.path("noun_determiners"));
    this.nounFollowers = words(mod.path("noun_followers"));
    this.compoundHeads = words(mod.path("compound_heads"));
    JsonNode genre = files.yaml("stance/genre.yaml");
    addList(b, genre.path("news_markers"), Tag.Kind.NEWS_MARKER);
    addList(b, genre.path("opinion_markers"), Tag.Kind.OPINION_MARKER);
    addList(b, genre.path("interview_markers"), Tag.Kind.INTERVIEW_MARKER);

    JsonNode att = files.yaml("stance/attribution.yaml");
    addList(b, att.path("reporting_verbs"), Tag.Kind.REPORT);
    addList(b, att.path("speaker_follows"), Tag.Kind.SPEAKER_FOLLOWS);
    addList(b, att.path("others_view"), Tag.Kind.OTHERS_VIEW);
    addList(b, att.path("exposition_markers"), Tag.Kind.EXPOSITION);
    addList(b, att.path("presented_case"), Tag.Kind.PRESENTED_CASE);
    addList(b, att.path("case_content"), Tag.Kind.CASE_CONTENT);
    addList(b, att.path("reported_facts"), Tag.Kind.REPORTED_FACT);
    addList(b, att.path("author_voice"), Tag.Kind.AUTHOR_VOICE);
    addList(b, att.path("author_rejects"), Tag.Kind.AUTHOR_REJECTS);
    addList(b, att.path("endorsements"), Tag.Kind.ENDORSE);
    this.authorSubjects = words(att.path("author_subjects"));
    this.pronouns = words(att.path("pronoun_subjects"));
    this.subjectSkip = words(att.path("subject_skip"));
    this.headlineLabels = words(att.path("headline_labels"));
    this.headlineImperatives = words(att.path("headline_imperatives"));
    this.headlineSources = words(att.path("headline_sources"));

    JsonNode targets = files.yaml("stance/targets.yaml");
    addList(b, targets.path("membership"), Tag.Kind.TARGET);
    addList(b, targets.path("alternatives"), Tag.Kind.TARGET);
    addList(b, targets.path("alternatives"), Tag.Kind.TARGET_ALT);
    addList(b, targets.path("membership_weak"), Tag.Kind.TARGET_WEAK);
    addList(b, targets.path("nato"), Tag.Kind.NATO);
    addList(b, targets.path("ukraine"), Tag.Kind.UKRAINE);
    addList(b, targets.path("other_candidates"), Tag.Kind.OTHER_CANDIDATE);
    addList(b, targets.path("generic_candidates"), Tag.Kind.GENERIC_CANDIDATE);
    this.phrases = b.build();
  }

  private static Tag cue(
      int sign, boolean action, boolean predicate, boolean framing, boolean needsObject) {
    return new Tag(Tag.Kind.CUE, sign, 1, action, predicate, framing, needsObject, false);
  }

  private static Tag criticism(int sign) {
    return new Tag(Tag.Kind.CUE, sign, 1, false, false, false, false, true);
  }

  private static int addCues(PhraseLexicon.Builder<Tag> b, JsonNode map, Tag shape) {
    int n = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      double w = e.getValue().asDouble(Double.NaN);
      if (!(w > 0)) {
        throw new IllegalStateException(
            "stance/cues.yaml: weight of '" + e.getKey() + "' must be a positive number");
      }
      b.add(
          e.getKey(),
          new Tag(
              Tag.Kind.CUE,
              shape.polarity(),
              w,
              shape.action(),
              shape.predicate(),
              shape.framing(),
              shape.needsObject(),
              shape.fixedPolarity()));
      n++;
    }
    return n;
  }

  private static void addList(PhraseLexicon.Builder<Tag> b, JsonNode list, Tag.Kind kind) {
    Tag tag = Tag.of(kind);
    for (JsonNode v : list) {
      b.add(ConfigFiles.entry(v, "stance data (" + kind + ")"), tag);
    }
  }

  private static Set<String> words(JsonNode list) {
    Set<String> out = new HashSet<>();
    for (JsonNode v : list) {
      out.addAll(
          PhraseLexicon.expand(
              NormalizedText.foldPhrase(ConfigFiles.entry(v, "attribution.yaml"))));
    }
    return out;
  }
}
