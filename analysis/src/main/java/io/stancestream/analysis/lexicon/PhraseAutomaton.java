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
  private final int[] next;
  private final String[][] outputs;

  private PhraseAutomaton(char[] classOf, int classes, int[] next, String[][] outputs) {
    this.classOf = classOf;
    this.classes = classes;
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
    int[] next = new int[states * classes];
    int[] fail = new int[states];
    String[][] outputs = new String[states][];
    // Breadth first: a state's failure target is shallower, so its row and outputs are complete.
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    outputs[0] = sorted(ends.get(0), null);
    for (int c = 0; c < classes; c++) {
      Integer t = edges.get(0).get(c);
      if (t != null) {
        next[c] = t;
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      outputs[s] = sorted(ends.get(s), outputs[fail[s]]);
      for (int c = 0; c < classes; c++) {
        Integer t = edges.get(s).get(c);
        if (t != null) {
          next[s * classes + c] = t;
          fail[t] = next[fail[s] * classes + c];
          queue.add(t);
        } else {
          next[s * classes + c] = next[fail[s] * classes + c];
        }
      }
    }
    return new PhraseAutomaton(classOf, classes, next, outputs);
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
      s = next[s * classes + classOf[text.charAt(i)]];
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
