package io.stancestream.producer.source;

import io.stancestream.producer.parse.Document;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the command line's inputs (paths, URLs, {@code -}) into sources: a directory becomes its
 * files, recursively and in sorted order (hidden files and directories, whose names start with a
 * dot, are not inputs); {@code -} is stdin; {@code http(s)://} is a URL; anything unreadable is
 * kept as an {@link Unreadable} so it is reported, never dropped.
 */
public final class Inputs {

  private Inputs() {}

  /** One place articles are read from. */
  public sealed interface Source permits FileSource, StdinSource, UrlSource, Unreadable {
    String location();
  }

  /** A file; {@code location} is the path as the user named it (or under the named directory). */
  public record FileSource(Path path) implements Source {
    @Override
    public String location() {
      return path.toString();
    }
  }

  public record StdinSource() implements Source {
    @Override
    public String location() {
      return "stdin";
    }
  }

  public record UrlSource(URI uri) implements Source {
    @Override
    public String location() {
      return uri.toString();
    }
  }

  public record Unreadable(String location, String reason) implements Source {}

  /** Expands inputs in order; directories are walked recursively. */
  public static List<Source> expand(List<String> inputs) {
    List<Source> out = new ArrayList<>();
    for (String input : inputs) {
      String in = input.strip();
      String lower = in.toLowerCase(Locale.ROOT);
      if (in.equals("-")) {
        out.add(new StdinSource());
      } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
        try {
          out.add(new UrlSource(URI.create(in)));
        } catch (IllegalArgumentException e) {
          out.add(new Unreadable(in, "not a valid URL: " + e.getMessage()));
        }
      } else {
        try {
          out.addAll(files(lower.startsWith("file:") ? Path.of(URI.create(in)) : Path.of(in)));
        } catch (IllegalArgumentException e) {
          out.add(new Unreadable(in, "not a valid path: " + e.getMessage()));
        }
      }
    }
    return out;
  }

  /** Directory inputs among {@code inputs}, the roots a follower watches. */
  public static List<Path> directories(List<String> inputs) {
    List<Path> dirs = new ArrayList<>();
    for (String input : inputs) {
      if (!input.equals("-") && !input.contains("://") && Files.isDirectory(Path.of(input))) {
        dirs.add(Path.of(input));
      }
    }
    return dirs;
  }

  /** URL inputs among {@code inputs}. */
  public static List<URI> urls(List<String> inputs) {
    List<URI> urls = new ArrayList<>();
    for (Source s : expand(inputs.stream().filter(i -> i.contains("://")).toList())) {
      if (s instanceof UrlSource u) {
        urls.add(u.uri());
      }
    }
    return urls;
  }

  static List<Source> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(new FileSource(path));
    }
    if (!Files.exists(path)) {
      return List.of(new Unreadable(path.toString(), "no such file or directory"));
    }
    if (!Files.isDirectory(path)) {
      return List.of(new Unreadable(path.toString(), "not a regular file or directory"));
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHidden(path.relativize(p)))
          .sorted(Comparator.comparing(Path::toString))
          .map(p -> (Source) new FileSource(p))
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of(new Unreadable(path.toString(), "cannot list directory: " + e.getMessage()));
    }
  }

  /** True when any part of the relative path starts with a dot. */
  public static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  public static Document read(FileSource file) throws IOException {
    return Document.of(
        file.location(), Files.readAllBytes(file.path()), file.path().getFileName().toString());
  }

  public static Document read(InputStream stdin) throws IOException {
    return Document.of("stdin", stdin.readAllBytes(), null);
  }
}
