package io.stancestream.analysis.lexicon;

import io.stancestream.analysis.text.NormalizedText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Multi-pattern phrase lookup: many phrases, each carrying one or more payloads, found in a text in
 * one Aho-Corasick pass, on whole words only. Phrases are folded like {@link NormalizedText} and
 * may use {@code {a,b,c}} alternation, expanded to every combination. Immutable and thread-safe.
 *
 * @param <P> the payload type attached to phrases
 */
public final class PhraseLexicon<P> {

  /**
   * One occurrence of a phrase: {@code [start, end)} in the searched text, its payloads, and the
   * union of their flags (see {@link #builder(ToLongFunction)}), for quick tests of what the
   * payloads hold.
   */
  public record Hit<P>(int start, int end, String phrase, List<P> payloads, long flags) {}

  private final PhraseAutomaton automaton;
  // Payloads and their flags by phrase index of the automaton.
  private final List<List<P>> payloads;
  private final long[] flags;

  private PhraseLexicon(PhraseAutomaton automaton, List<List<P>> payloads, long[] flags) {
    this.automaton = automaton;
    this.payloads = payloads;
    this.flags = flags;
  }

  /** Collects phrases and their payloads. */
  public static final class Builder<P> {
    private final Map<String, List<P>> payloads = new HashMap<>();
    private final ToLongFunction<? super P> flagsOf;

    private Builder(ToLongFunction<? super P> flagsOf) {
      this.flagsOf = flagsOf;
    }

    /** Adds every expansion of {@code pattern} with {@code payload}. */
    public Builder<P> add(String pattern, P payload) {
      for (String phrase : expand(pattern)) {
        String folded = NormalizedText.foldPhrase(phrase);
        if (!folded.isEmpty()) {
          payloads.computeIfAbsent(folded, k -> new ArrayList<>(1)).add(payload);
        }
      }
      return this;
    }

    public PhraseLexicon<P> build() {
      PhraseAutomaton automaton = PhraseAutomaton.of(payloads.keySet());
      List<List<P>> byIndex = new ArrayList<>(automaton.phraseCount());
      long[] flags = new long[automaton.phraseCount()];
      for (int i = 0; i < automaton.phraseCount(); i++) {
        List<P> own = List.copyOf(payloads.get(automaton.phrase(i)));
        byIndex.add(own);
        for (P p : own) {
          flags[i] |= flagsOf.applyAsLong(p);
        }
      }
      return new PhraseLexicon<>(automaton, List.copyOf(byIndex), flags);
    }
  }

  /** A builder whose hits carry no flags. */
  public static <P> Builder<P> builder() {
    return new Builder<>(p -> 0L);
  }

  /**
   * A builder whose hits carry, in {@link Hit#flags}, the union of {@code flagsOf} over their
   * payloads (e.g. one bit per kind of payload).
   */
  public static <P> Builder<P> builder(ToLongFunction<? super P> flagsOf) {
    return new Builder<>(flagsOf);
  }

  /** Number of distinct phrases after expansion. */
  public int size() {
    return automaton.phraseCount();
  }

  /**
   * Finds every whole-word occurrence in an already folded text, in order of start, then end.
   * Overlaps are kept: a long phrase and a shorter phrase inside it are both reported.
   */
  public List<Hit<P>> find(String foldedText) {
    return find(foldedText.toCharArray(), foldedText.length());
  }

  /** Same as {@link #find(String)} on the folded form of a normalized text. */
  public List<Hit<P>> find(NormalizedText text) {
    return find(text.foldedChars(), text.length());
  }

  private List<Hit<P>> find(char[] folded, int length) {
    List<Hit<P>> hits = new ArrayList<>();
    automaton.scan(
        folded,
        length,
        (start, end, phrase) ->
            hits.add(
                new Hit<>(
                    start, end, automaton.phrase(phrase), payloads.get(phrase), flags[phrase])));
    return hits;
  }

  /**
   * Expands {@code {a,b}} groups: {@code "{join,joins} nato"} gives {@code "join nato"} and {@code
   * "joins nato"}. An empty alternative ({@code "{,the }door"}) makes a part optional.
   */
  public static Collection<String> expand(String pattern) {
    Set<String> results = new LinkedHashSet<>();
    results.add("");
    int i = 0;
    while (i < pattern.length()) {
      int open = pattern.indexOf('{', i);
      if (open < 0) {
        results = append(results, List.of(pattern.substring(i)));
        break;
      }
      int close = pattern.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '{' in lexicon pattern: " + pattern);
      }
      results = append(results, List.of(pattern.substring(i, open)));
      results = append(results, List.of(pattern.substring(open + 1, close).split(",", -1)));
      i = close + 1;
    }
    List<String> cleaned = new ArrayList<>();
    for (String r : results) {
      String s = r.strip().replaceAll("\\s+", " ");
      if (!s.isEmpty()) {
        cleaned.add(s);
      }
    }
    return cleaned;
  }

  private static Set<String> append(Set<String> prefixes, List<String> parts) {
    Set<String> out = new LinkedHashSet<>();
    for (String p : prefixes) {
      for (String part : parts) {
        out.add(p + part);
      }
    }
    return out;
  }
}
