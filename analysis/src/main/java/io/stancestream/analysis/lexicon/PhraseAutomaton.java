package io.stancestream.analysis.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrase trie behind {@link PhraseLexicon}: finds every whole-word occurrence of every phrase
 * by walking the trie from each word start (a position not preceded by a letter or digit) for as
 * long as the text follows a phrase prefix. Shallow states (the first {@value #DENSE_DEPTH}
 * characters of phrases, where walks spend most of their steps) have a full child row, one array
 * read per character. Deeper states are numbered depth first, so that a state's first child is the
 * next state: a walk along the tail of a phrase reads consecutive array entries, and only states
 * where phrases branch keep a list of their other children. Characters that occur in no phrase end
 * a walk at once. Immutable and thread-safe.
 *
 * <p>Why not Aho-Corasick, as before: it follows every substring of the text, so most of its work
 * (matches inside words, "nato" in "senator", and failure-link chains through the 87,000 states of
 * the stance lexicon) was thrown away by the whole-word check afterwards. Anchoring walks at word
 * starts does only the work whose results are kept, and a phrase ends at exactly one state, so no
 * output lists are inherited. See {@code docs/performance.md}.
 */
final class PhraseAutomaton {

  /**
   * Receives one occurrence: inclusive start and exclusive end in the text, and the phrase's index
   * (see {@link #phrase}).
   */
  interface Sink {
    void accept(int start, int end, int phrase);
  }

  /** States up to this depth get a dense child row. */
  static final int DENSE_DEPTH = 3;

  private static final int NONE = -1;

  private final char[] classOf;
  private final int classes;
  // States [0, dense) in breadth-first order: full rows of `classes` children (0 = no child; the
  // root is nobody's child).
  private final int dense;
  private final int[] denseChild;
  // States [dense, states), numbered depth first: the first child of state s is s + 1, reached on
  // class firstClass[s - dense] (0 for a leaf), so a walk down a phrase reads consecutive entries.
  // States with more children (bit in `branches`) list the others as (class, target) pairs in
  // otherEdges[2 * otherStart[s - dense] .. 2 * otherStart[s - dense + 1]).
  private final char[] firstClass;
  private final long[] branches;
  private final int[] otherStart;
  private final int[] otherEdges;
  // One bit per state where a phrase ends (read at every step, so it must stay small), and which.
  private final long[] ends;
  private final int[] phraseAt;
  private final String[] phrases;

  private PhraseAutomaton(
      char[] classOf,
      int classes,
      int dense,
      int[] denseChild,
      char[] firstClass,
      long[] branches,
      int[] otherStart,
      int[] otherEdges,
      int[] phraseAt,
      String[] phrases) {
    this.classOf = classOf;
    this.classes = classes;
    this.dense = dense;
    this.denseChild = denseChild;
    this.firstClass = firstClass;
    this.branches = branches;
    this.otherStart = otherStart;
    this.otherEdges = otherEdges;
    this.phraseAt = phraseAt;
    this.phrases = phrases;
    this.ends = new long[(phraseAt.length + 63) / 64];
    for (int s = 0; s < phraseAt.length; s++) {
      if (phraseAt[s] != NONE) {
        ends[s >>> 6] |= 1L << s;
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
    // The trie: child edges per state, and the phrase ending at each state.
    List<Map<Integer, Integer>> edges = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    edges.add(new HashMap<>());
    ends.add(NONE);
    for (int index = 0; index < phrases.length; index++) {
      String p = phrases[index];
      int s = 0;
      for (int i = 0; i < p.length(); i++) {
        int c = classOf[p.charAt(i)];
        Integer t = edges.get(s).get(c);
        if (t == null) {
          t = edges.size();
          edges.add(new HashMap<>());
          ends.add(NONE);
          edges.get(s).put(c, t);
        }
        s = t;
      }
      ends.set(s, index);
    }
    int states = edges.size();
    // Shallow states (up to DENSE_DEPTH) are numbered breadth first, so that they share cache
    // lines and form the dense prefix of the numbering; deeper states depth first (pre-order), so
    // that a walk down a phrase reads its states' edges one after the other in memory.
    int[] id = new int[states];
    int[] order = new int[states];
    List<Integer> frontier = new ArrayList<>(List.of(0));
    int numbered = 0;
    List<Integer> deepRoots = new ArrayList<>();
    for (int depth = 0; !frontier.isEmpty(); depth++) {
      List<Integer> next = new ArrayList<>();
      for (int old : frontier) {
        id[old] = numbered;
        order[numbered++] = old;
        for (int c = 1; c < classes; c++) {
          Integer t = edges.get(old).get(c);
          if (t != null) {
            (depth < DENSE_DEPTH ? next : deepRoots).add(t);
          }
        }
      }
      frontier = next;
    }
    int dense = numbered;
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int r = deepRoots.size() - 1; r >= 0; r--) {
      stack.push(deepRoots.get(r));
    }
    while (!stack.isEmpty()) {
      int old = stack.pop();
      id[old] = numbered;
      order[numbered++] = old;
      for (int c = classes - 1; c > 0; c--) {
        Integer t = edges.get(old).get(c);
        if (t != null) {
          stack.push(t);
        }
      }
    }
    int[] denseChild = new int[dense * classes];
    int deep = states - dense;
    char[] firstClass = new char[deep];
    long[] branches = new long[(deep + 63) / 64];
    int[] otherStart = new int[deep + 1];
    List<int[]> others = new ArrayList<>();
    int[] phraseAt = new int[states];
    for (int s = 0; s < states; s++) {
      phraseAt[s] = ends.get(order[s]);
      Map<Integer, Integer> children = edges.get(order[s]);
      if (s < dense) {
        for (Map.Entry<Integer, Integer> e : children.entrySet()) {
          denseChild[s * classes + e.getKey()] = id[e.getValue()];
        }
        continue;
      }
      int d = s - dense;
      otherStart[d] = others.size();
      for (Map.Entry<Integer, Integer> e : children.entrySet()) {
        int target = id[e.getValue()];
        if (target == s + 1) {
          firstClass[d] = (char) (int) e.getKey();
        } else {
          others.add(new int[] {e.getKey(), target});
          branches[d >>> 6] |= 1L << d;
        }
      }
    }
    otherStart[deep] = others.size();
    int[] otherEdges = new int[2 * others.size()];
    for (int e = 0; e < others.size(); e++) {
      otherEdges[2 * e] = others.get(e)[0];
      otherEdges[2 * e + 1] = others.get(e)[1];
    }
    return new PhraseAutomaton(
        classOf,
        classes,
        dense,
        denseChild,
        firstClass,
        branches,
        otherStart,
        otherEdges,
        phraseAt,
        phrases);
  }

  /**
   * Reports every whole-word occurrence of every phrase in {@code text[0, length)}: an occurrence
   * neither preceded nor followed by a letter or digit. Occurrences come in order of start, then
   * end.
   */
  void scan(char[] text, int length, Sink sink) {
    boolean afterWordChar = false;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (!afterWordChar && classOf[c] != 0) {
        walk(text, length, i, sink);
      }
      afterWordChar = isWordChar(c);
    }
  }

  private void walk(char[] text, int length, int start, Sink sink) {
    int s = 0;
    for (int j = start; j < length; j++) {
      int c = classOf[text[j]];
      if (c == 0) {
        return;
      }
      s = child(s, c);
      if (s == 0) {
        return;
      }
      if ((ends[s >>> 6] & (1L << s)) != 0 && (j + 1 == length || !isWordChar(text[j + 1]))) {
        sink.accept(start, j + 1, phraseAt[s]);
      }
    }
  }

  private static boolean isWordChar(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    return Character.isLetterOrDigit(c);
  }

  /** The child of state {@code s} on character class {@code c}, or 0 if there is none. */
  private int child(int s, int c) {
    if (s < dense) {
      return denseChild[s * classes + c];
    }
    int d = s - dense;
    if (firstClass[d] == c) {
      return s + 1;
    }
    if ((branches[d >>> 6] & (1L << d)) == 0) {
      return 0;
    }
    int[] list = otherEdges;
    for (int e = 2 * otherStart[d], end = 2 * otherStart[d + 1]; e < end; e += 2) {
      if (list[e] == c) {
        return list[e + 1];
      }
    }
    return 0;
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
    return phraseAt.length;
  }

  /** Number of states with a dense child row. */
  int denseStates() {
    return dense;
  }
}
