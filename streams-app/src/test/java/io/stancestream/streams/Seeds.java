package io.stancestream.streams;

import io.stancestream.events.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The two seed scrapes from the repository's {@code seeds/} as articles: the whole file is the body
 * (the analyzer cleans the site chrome), the file name is the id.
 */
final class Seeds {

  static final Path DIR = Path.of("..", "seeds");

  private Seeds() {}

  static List<Path> files() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article article(Path file, Instant publishedAt) {
    try {
      String body = Files.readString(file, StandardCharsets.UTF_8);
      String name = file.getFileName().toString().replace(".txt", "");
      return Articles.article("seed-" + name, publishedAt, null, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
