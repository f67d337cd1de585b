package io.stancestream.streams.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * The recent closed windows of one key (a topic or an outlet), kept by the windowed alert rules to
 * compute trailing baselines. Each figure holds a window start, a count and a sum.
 *
 * @param firstStart the start of the first window this history saw
 * @param windows recent windows, oldest first
 */
public record WindowHistory(long firstStart, List<Figure> windows) {

  /** One closed window: {@code n} items (mentions or articles) and their {@code sum} (scores). */
  public record Figure(long start, long n, double sum) {}

  public static WindowHistory startingAt(long start) {
    return new WindowHistory(start, List.of());
  }

  /** Figures of the windows starting in {@code [from, to)}. */
  public List<Figure> between(long from, long to) {
    return windows.stream().filter(f -> f.start() >= from && f.start() < to).toList();
  }

  /** This history plus one window, forgetting windows that start before {@code keepFrom}. */
  public WindowHistory with(Figure figure, long keepFrom) {
    List<Figure> kept = new ArrayList<>();
    for (Figure f : windows) {
      if (f.start() >= keepFrom && f.start() != figure.start()) {
        kept.add(f);
      }
    }
    kept.add(figure);
    kept.sort((a, b) -> Long.compare(a.start(), b.start()));
    return new WindowHistory(firstStart, kept);
  }
}
