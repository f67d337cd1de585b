package io.stancestream.producer;

import java.util.List;

/**
 * What a produce run did: how many articles were read, published (acknowledged by the broker),
 * skipped as duplicates (an id already seen in this run) and rejected, with every rejection and the
 * ids published in order. {@code read == published + duplicates + rejected} once the run is over.
 */
public record ProduceSummary(
    long read,
    long published,
    long duplicates,
    long rejected,
    List<Rejection> rejections,
    List<String> publishedIds) {

  public ProduceSummary {
    rejections = List.copyOf(rejections);
    publishedIds = List.copyOf(publishedIds);
  }

  /** 0 when nothing was rejected, 1 otherwise (DESIGN.md exit codes). */
  public int exitCode() {
    return rejected == 0 ? 0 : 1;
  }

  /** One line for people: {@code read 12, published 10, duplicates 1, rejected 1}. */
  public String describe() {
    return "read "
        + read
        + ", published "
        + published
        + ", duplicates "
        + duplicates
        + ", rejected "
        + rejected;
  }
}
