package io.stancestream.analysis.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Aho-Corasick automaton behind {@link PhraseLexicon}, compiled into a deterministic transition
 * table: one array read per character of the text, no boxing, no hash lookups. Characters that
 * occur in no phrase share one class, which keeps the table small. Reports every occurrence of
 * every phrase, overlaps included, in order of end position, and phrases ending at the same
 * position in their natural (alphabetical) order. Immutable and thread-safe.
 *
 * <p>It replaces {@code org.ahocorasick.trie.Trie}, whose per-state {@code HashMap<Character, ...>}
 * transitions made phrase lookup the largest part of scoring (see {@code docs/performance.md}).
 */
final class PhraseAutomaton {

  /** Receives one occurrence: inclusive start and exclusive end in the text, and the phrase. */
  interface Sink {
    void accept(int start, int end, String phrase);
  }

  private final char[] classOf;
  private final int classes;
  // The transition table, row per state: as chars (half the memory, so more of it stays in cache)
  // when the state numbers fit, else as ints.
  private final char[] compactNext;
  private final int[] next;
  private final String[][] outputs;

  private PhraseAutomaton(
      char[] classOf, int classes, char[] compactNext, int[] next, String[][] outputs) {
    this.classOf = classOf;
    this.classes = classes;
    this.compactNext = compactNext;
    this.next = next;
    this.outputs = outputs;
  }

  static PhraseAutomaton of(Collection<String> phrases) {
    char[] classOf = new char[Character.MAX_VALUE + 1];
    int classes = 1;
    for (String p : phrases) {
      for (int i = 0; i < p.length(); i++) {
        char c = p.charAt(i);
        if (classOf[c] == 0) {
          classOf[c] = (char) classes++;
        }
      }
    }
    if (classes > Character.MAX_VALUE) {
      throw new IllegalArgumentException("too many distinct characters in the phrases");
    }
    // The trie: goto edges per state, and the phrases ending at each state.
    List<Map<Integer, Integer>> edges = new ArrayList<>();
    List<List<String>> ends = new ArrayList<>();
    edges.add(new HashMap<>());
    ends.add(new ArrayList<>());
    for (String p : phrases) {
      if (p.isEmpty()) {
        continue;
      }
      int s = 0;
      for (int i = 0; i < p.length(); i++) {
        int c = classOf[p.charAt(i)];
        Integer t = edges.get(s).get(c);
        if (t == null) {
          t = edges.size();
          edges.add(new HashMap<>());
          ends.add(new ArrayList<>());
          edges.get(s).put(c, t);
        }
        s = t;
      }
      ends.get(s).add(p);
    }
    int states = edges.size();
    // Number states breadth first: shallow states, where scanning spends nearly all its time,
    // then share cache lines; and a state's failure target always has a smaller number.
    int[] order = new int[states];
    int[] id = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    int numbered = 0;
    while (!queue.isEmpty()) {
      int old = queue.poll();
      id[old] = numbered;
      order[numbered++] = old;
      for (int c = 0; c < classes; c++) {
        Integer t = edges.get(old).get(c);
        if (t != null) {
          queue.add(t);
        }
      }
    }
    int[] next = new int[states * classes];
    int[] fail = new int[states];
    String[][] outputs = new String[states][];
    for (int s = 0; s < states; s++) {
      int old = order[s];
      outputs[s] = sorted(ends.get(old), s == 0 ? null : outputs[fail[s]]);
      for (int c = 0; c < classes; c++) {
        Integer t = edges.get(old).get(c);
        if (t != null) {
          int child = id[t];
          next[s * classes + c] = child;
          fail[child] = s == 0 ? 0 : next[fail[s] * classes + c];
        } else {
          next[s * classes + c] = s == 0 ? 0 : next[fail[s] * classes + c];
        }
      }
    }
    if (states <= Character.MAX_VALUE + 1) {
      char[] compact = new char[next.length];
      for (int i = 0; i < next.length; i++) {
        compact[i] = (char) next[i];
      }
      return new PhraseAutomaton(classOf, classes, compact, null, outputs);
    }
    return new PhraseAutomaton(classOf, classes, null, next, outputs);
  }

  private static String[] sorted(List<String> own, String[] inherited) {
    if (own.isEmpty() && inherited != null) {
      return inherited;
    }
    List<String> all = new ArrayList<>(own);
    if (inherited != null) {
      all.addAll(Arrays.asList(inherited));
    }
    return all.stream().distinct().sorted().toArray(String[]::new);
  }

  /** Reports every occurrence of every phrase in {@code text}. */
  void scan(String text, Sink sink) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      int cell = s * classes + classOf[text.charAt(i)];
      s = compactNext != null ? compactNext[cell] : next[cell];
      String[] found = outputs[s];
      for (String phrase : found) {
        sink.accept(i + 1 - phrase.length(), i + 1, phrase);
      }
    }
  }

  /** Number of states, for tests and sizing. */
  int states() {
    return outputs.length;
  }
}
