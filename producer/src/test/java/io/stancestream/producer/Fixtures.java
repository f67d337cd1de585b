package io.stancestream.producer;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the shared test fixtures and of the repository's seed scrapes. */
public final class Fixtures {

  private Fixtures() {}

  /** A file or directory under {@code src/test/resources/fixtures}. */
  public static Path fixture(String relative) {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no fixture " + relative, e);
    }
  }

  /** The repository's {@code seeds/} directory (tests run in the module directory). */
  public static Path seeds() {
    return Path.of("..", "seeds").toAbsolutePath().normalize();
  }
}
