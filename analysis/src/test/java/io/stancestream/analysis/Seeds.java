package io.stancestream.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two seed scrapes in the repository's {@code seeds/} folder, read verbatim. */
public final class Seeds {
  /** Foreign Affairs op-ed "Close NATO's Door to Ukraine". */
  public static final String FOREIGN_AFFAIRS = "000_154f23de60aedeb5.txt";

  /** National Security Journal op-ed, ends with an "About the Author" block and pingbacks. */
  public static final String NSJ = "003_a15b071a06281571.txt";

  private Seeds() {}

  public static String read(String name) {
    Path p = Path.of("..", "seeds", name);
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException("seed not found: " + p.toAbsolutePath(), e);
    }
  }
}
