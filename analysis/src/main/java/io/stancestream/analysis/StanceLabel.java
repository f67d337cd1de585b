package io.stancestream.analysis;

/** Where a text stands on "Ukraine should join / will join NATO". */
public enum StanceLabel {
  FAVOR,
  AGAINST,
  NEUTRAL
}
