package io.stancestream.producer.source;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches directories ({@code --follow}) and hands each new or changed file to a consumer once it
 * has stopped growing: a file is read only when two scans a settle period apart see the same size
 * and modification time, so half-written files are not read. The {@link WatchService} wakes the
 * scan early; a periodic scan also catches anything the watch missed (new subdirectories, network
 * file systems).
 */
public final class DirectoryFollower implements AutoCloseable {

  private record Stamp(long size, long modified) {}

  private static final Duration IDLE_RESCAN = Duration.ofSeconds(5);

  private final List<Path> roots;
  private final Consumer<Path> onFile;
  private final Duration settle;
  private final Map<Path, Stamp> done = new HashMap<>();
  private final Map<Path, Stamp> pending = new HashMap<>();
  private final Set<Path> watched = new HashSet<>();
  private WatchService watch;
  private Thread thread;
  private volatile boolean running;

  /**
   * @param alreadyRead files read before following started; they are not read again unless they
   *     change
   */
  public DirectoryFollower(
      List<Path> roots, Set<Path> alreadyRead, Consumer<Path> onFile, Duration settle) {
    this.roots = List.copyOf(roots);
    this.onFile = onFile;
    this.settle = settle;
    for (Path p : alreadyRead) {
      Stamp s = stamp(p);
      if (s != null) {
        done.put(p, s);
      }
    }
  }

  /** Starts watching on a daemon thread. */
  public synchronized void start() throws IOException {
    watch = FileSystems.getDefault().newWatchService();
    running = true;
    scan();
    thread = new Thread(this::loop, "stancestream-follow");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        Duration wait;
        synchronized (this) {
          wait = pending.isEmpty() ? IDLE_RESCAN : settle;
        }
        WatchKey key = watch.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
          // Let more events of the same burst arrive before scanning.
          WatchKey more;
          while ((more = watch.poll(settle.toMillis() / 4 + 1, TimeUnit.MILLISECONDS)) != null) {
            more.pollEvents();
            more.reset();
          }
        }
        scan();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException e) {
        // One unreadable file must not end the watch; the consumer reports per-file problems.
        System.err.println("warning: following " + roots + ": " + e);
      }
    }
  }

  /** One pass: registers new directories, reads files whose size and time held since last pass. */
  synchronized void scan() {
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.forEach(this::visit);
      } catch (IOException | java.io.UncheckedIOException e) {
        // The directory may be mid-rename; the next pass sees it.
      }
    }
  }

  private void visit(Path p) {
    Path rel = rootOf(p).relativize(p);
    if (!rel.toString().isEmpty() && Inputs.isHidden(rel)) {
      return;
    }
    if (Files.isDirectory(p)) {
      if (watch != null && watched.add(p)) {
        try {
          p.register(
              watch,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
          watched.remove(p);
        }
      }
      return;
    }
    Stamp now = stamp(p);
    if (now == null || now.equals(done.get(p))) {
      return;
    }
    if (now.equals(pending.get(p))) {
      pending.remove(p);
      done.put(p, now);
      onFile.accept(p);
    } else {
      pending.put(p, now);
    }
  }

  private Path rootOf(Path p) {
    for (Path r : roots) {
      if (p.startsWith(r)) {
        return r;
      }
    }
    return p;
  }

  private static Stamp stamp(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime().toMillis()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
    if (watch != null) {
      try {
        watch.close();
      } catch (IOException e) {
        // closing; nothing left to do
      }
    }
  }
}
