package io.stancestream.events;

/** Where a text stands on the proposition "Ukraine should join / will join NATO". */
public enum StanceLabel {
  FAVOR,
  AGAINST,
  NEUTRAL
}
