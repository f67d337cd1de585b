package io.stancestream.producer;

import java.io.PrintStream;

/**
 * Progress of a long run on stderr. On a terminal it redraws one line ({@code [#####.....] 50/100
 * inputs · 48 published · 2 rejected}); otherwise it prints a line at each tenth, so logs stay
 * readable. Shown only on a terminal or when there are many inputs.
 */
final class ProgressBar {

  static final int MANY_INPUTS = 50;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long total;
  private final boolean terminal;
  private final boolean enabled;
  private long lastTenth;
  private boolean drawn;

  ProgressBar(PrintStream out, long total, boolean terminal, boolean wanted) {
    this.out = out;
    this.total = total;
    this.terminal = terminal;
    this.enabled = wanted && total > 1 && (terminal || total >= MANY_INPUTS);
  }

  synchronized void update(long done, long published, long rejected) {
    if (!enabled) {
      return;
    }
    String counts =
        done + "/" + total + " inputs · " + published + " published · " + rejected + " rejected";
    if (terminal) {
      int filled = (int) (WIDTH * Math.min(done, total) / Math.max(total, 1));
      out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + counts);
      out.flush();
      drawn = true;
    } else {
      long tenth = done * 10 / Math.max(total, 1);
      if (tenth != lastTenth) {
        lastTenth = tenth;
        out.println("progress: " + counts);
      }
    }
  }

  /** Ends the redrawn line so the summary starts on its own line. */
  synchronized void finish() {
    if (drawn) {
      out.println();
      drawn = false;
    }
  }

  /** Clears the bar before another message is printed on a terminal. */
  synchronized void interrupt() {
    if (drawn) {
      out.print("\r\033[K");
      drawn = false;
    }
  }
}
