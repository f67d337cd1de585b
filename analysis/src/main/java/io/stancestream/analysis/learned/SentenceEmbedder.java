package io.stancestream.analysis.learned;

/** Turns a sentence into a fixed-length vector. Implementations must be thread-safe. */
public interface SentenceEmbedder {

  /** The embedding of {@code text}. */
  float[] embed(String text);

  /** Identifies the model, recorded in trained weights so a mismatch is detected. */
  String id();
}
