package io.stancestream.analysis.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Aho-Corasick automaton behind {@link PhraseLexicon}. Shallow states (the first {@value
 * #DENSE_DEPTH} characters of phrases, where scanning spends nearly all its time) have a full
 * transition row: one array read per character. Deeper states keep only their own goto edges and a
 * failure link, and fall back along it until a shallow state answers. Characters that occur in no
 * phrase share one class. Reports every occurrence of every phrase, overlaps included, in order of
 * end position, and phrases ending at the same position in their natural (alphabetical) order.
 * Immutable and thread-safe.
 *
 * <p>Why not one dense table for every state: the stance lexicon compiles to ~87,000 states, and a
 * dense table of them (13 MB) does not stay in the CPU caches when the stream thread also runs
 * window stores and serdes: every character was a cache miss. The split layout is ~1 MB, and its
 * hot part fits in L2 (see {@code docs/performance.md}). It replaces {@code
 * org.ahocorasick.trie.Trie}, whose per-state {@code HashMap<Character, ...>} transitions made
 * phrase lookup the largest part of scoring.
 */
final class PhraseAutomaton {

  /**
   * Receives one occurrence: inclusive start and exclusive end in the text, and the phrase's index
   * (see {@link #phrase}).
   */
  interface Sink {
    void accept(int start, int end, int phrase);
  }

  /** States up to this depth get a dense transition row. */
  static final int DENSE_DEPTH = 3;

  private final char[] classOf;
  private final int classes;
  // States [0, dense) in breadth-first order: full rows of `classes` next states.
  private final int dense;
  private final int[] denseNext;
  // States [dense, states): goto edges edgeClass/edgeTarget[edgeStart[s - dense] ..
  // edgeStart[s - dense + 1]) and the failure link, which always leads to a smaller state.
  private final int[] edgeStart;
  private final char[] edgeClass;
  private final int[] edgeTarget;
  private final int[] fail;
  // One bit per state that ends a phrase: read for every character, so it must stay small.
  private final long[] hasOutput;
  // Per state, the indices of the phrases ending there; indices follow alphabetical order.
  private final int[][] outputs;
  private final String[] phrases;

  private PhraseAutomaton(
      char[] classOf,
      int classes,
      int dense,
      int[] denseNext,
      int[] edgeStart,
      char[] edgeClass,
      int[] edgeTarget,
      int[] fail,
      int[][] outputs,
      String[] phrases) {
    this.classOf = classOf;
    this.classes = classes;
    this.dense = dense;
    this.denseNext = denseNext;
    this.edgeStart = edgeStart;
    this.edgeClass = edgeClass;
    this.edgeTarget = edgeTarget;
    this.fail = fail;
    this.outputs = outputs;
    this.phrases = phrases;
    this.hasOutput = new long[(outputs.length + 63) / 64];
    for (int s = 0; s < outputs.length; s++) {
      if (outputs[s].length > 0) {
        hasOutput[s >>> 6] |= 1L << s;
      }
    }
  }

  static PhraseAutomaton of(Collection<String> distinctPhrases) {
    String[] phrases =
        distinctPhrases.stream()
            .filter(p -> !p.isEmpty())
            .distinct()
            .sorted()
            .toArray(String[]::new);
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
    List<List<Integer>> ends = new ArrayList<>();
    edges.add(new HashMap<>());
    ends.add(new ArrayList<>());
    for (int index = 0; index < phrases.length; index++) {
      String p = phrases[index];
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
      ends.get(s).add(index);
    }
    int states = edges.size();
    // Number states breadth first: shallow states share cache lines, the dense ones form a
    // prefix of the numbering, and a state's failure target always has a smaller number.
    int[] order = new int[states];
    int[] id = new int[states];
    int[] depth = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    int numbered = 0;
    int dense = 0;
    while (!queue.isEmpty()) {
      int old = queue.poll();
      id[old] = numbered;
      order[numbered] = old;
      if (depth[numbered] <= DENSE_DEPTH) {
        dense = numbered + 1;
      }
      int parentDepth = depth[numbered];
      numbered++;
      for (int c = 0; c < classes; c++) {
        Integer t = edges.get(old).get(c);
        if (t != null) {
          depth[numbered + queue.size()] = parentDepth + 1;
          queue.add(t);
        }
      }
    }
    // Goto edges by new number, and failure links, breadth first (a failure target is shallower).
    int[][] gotoClass = new int[states][];
    int[][] gotoTarget = new int[states][];
    int edgeCount = 0;
    for (int s = 0; s < states; s++) {
      Map<Integer, Integer> out = edges.get(order[s]);
      gotoClass[s] = new int[out.size()];
      gotoTarget[s] = new int[out.size()];
      int k = 0;
      for (Map.Entry<Integer, Integer> e : out.entrySet()) {
        gotoClass[s][k] = e.getKey();
        gotoTarget[s][k++] = id[e.getValue()];
      }
      if (s >= dense) {
        edgeCount += out.size();
      }
    }
    int[] edgeStart = new int[states - dense + 1];
    char[] edgeClass = new char[edgeCount];
    int[] edgeTarget = new int[edgeCount];
    int e = 0;
    for (int s = dense; s < states; s++) {
      edgeStart[s - dense] = e;
      for (int k = 0; k < gotoClass[s].length; k++) {
        edgeClass[e] = (char) gotoClass[s][k];
        edgeTarget[e++] = gotoTarget[s][k];
      }
    }
    edgeStart[states - dense] = e;
    int[] fail = new int[states];
    int[] denseNext = new int[dense * classes];
    int[][] outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      outputs[s] = sorted(ends.get(order[s]), s == 0 ? null : outputs[fail[s]]);
      for (int k = 0; k < gotoClass[s].length; k++) {
        int child = gotoTarget[s][k];
        // The failure target is shallower than the child, so its transitions are known already.
        fail[child] =
            s == 0
                ? 0
                : next(
                    fail[s],
                    gotoClass[s][k],
                    classes,
                    dense,
                    denseNext,
                    edgeStart,
                    edgeClass,
                    edgeTarget,
                    fail);
      }
      if (s < dense) {
        for (int c = 0; c < classes; c++) {
          denseNext[s * classes + c] = s == 0 ? 0 : denseNext[fail[s] * classes + c];
        }
        for (int k = 0; k < gotoClass[s].length; k++) {
          denseNext[s * classes + gotoClass[s][k]] = gotoTarget[s][k];
        }
      }
    }
    return new PhraseAutomaton(
        classOf,
        classes,
        dense,
        denseNext,
        edgeStart,
        edgeClass,
        edgeTarget,
        fail,
        outputs,
        phrases);
  }

  private static int[] sorted(List<Integer> own, int[] inherited) {
    if (own.isEmpty() && inherited != null) {
      return inherited;
    }
    List<Integer> all = new ArrayList<>(own);
    if (inherited != null) {
      Arrays.stream(inherited).forEach(all::add);
    }
    return all.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
  }

  /** Reports every occurrence of every phrase in {@code text}. */
  void scan(String text, Sink sink) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      s = next(s, classOf[text.charAt(i)]);
      if ((hasOutput[s >>> 6] & (1L << s)) != 0) {
        for (int phrase : outputs[s]) {
          sink.accept(i + 1 - phrases[phrase].length(), i + 1, phrase);
        }
      }
    }
  }

  private int next(int s, int c) {
    return next(s, c, classes, dense, denseNext, edgeStart, edgeClass, edgeTarget, fail);
  }

  /**
   * The transition from state {@code s} on character class {@code c}: a dense row answers at once;
   * a deeper state tries its own goto edges, then falls back along its failure link.
   */
  private static int next(
      int s,
      int c,
      int classes,
      int dense,
      int[] denseNext,
      int[] edgeStart,
      char[] edgeClass,
      int[] edgeTarget,
      int[] fail) {
    while (s >= dense) {
      for (int e = edgeStart[s - dense], end = edgeStart[s - dense + 1]; e < end; e++) {
        if (edgeClass[e] == c) {
          return edgeTarget[e];
        }
      }
      s = fail[s];
    }
    return denseNext[s * classes + c];
  }

  /** The phrase with this index. */
  String phrase(int index) {
    return phrases[index];
  }

  /** Number of distinct phrases; indices run from 0 to this, exclusive. */
  int phraseCount() {
    return phrases.length;
  }

  /** Number of states, for tests and sizing. */
  int states() {
    return outputs.length;
  }

  /** Number of states with a dense transition row. */
  int denseStates() {
    return dense;
  }
}
