package io.stancestream.producer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancestream.events.Article;
import io.stancestream.events.JsonSerde;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The publish step shared by every source of one run: drops ids already seen in this run (counted
 * as duplicates), paces, sends, and keeps the counts. Every rejection is printed to stderr as it
 * happens and, when a rejects file is set, appended to it as one JSON line. Safe to call from
 * several threads (files, feed pollers, the directory watcher and the ingest endpoint).
 */
public final class PublishSession {

  /** What happened to one submitted input. */
  public enum Kind {
    PUBLISHED,
    DUPLICATE,
    REJECTED
  }

  /** The outcome of one input: its kind, the article id (when it had one) and, if rejected, why. */
  public record Outcome(Kind kind, String location, String id, Rejection rejection) {}

  private final ArticleSink sink;
  private final Pacer pacer;
  private final PrintStream diagnostics;
  private final BufferedWriter rejects;
  private final Set<String> seen = new HashSet<>();
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<String> publishedIds = new ArrayList<>();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private ProgressBar progress;
  private long read;
  private long published;
  private long duplicates;
  private long rejected;

  public PublishSession(ArticleSink sink, Pacer pacer, PrintStream diagnostics, Path rejectsFile) {
    this.sink = sink;
    this.pacer = pacer;
    this.diagnostics = diagnostics;
    try {
      this.rejects =
          rejectsFile == null
              ? null
              : Files.newBufferedWriter(
                  rejectsFile,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rejects file " + rejectsFile, e);
    }
  }

  /** Ids published before this run: submitting one again counts as a duplicate. */
  synchronized void alreadyPublished(java.util.Collection<String> ids) {
    seen.addAll(ids);
  }

  synchronized void progress(ProgressBar bar) {
    this.progress = bar;
  }

  synchronized void tick(long inputsDone) {
    if (progress != null) {
      progress.update(inputsDone, published, rejected);
    }
  }

  /**
   * Publishes an accepted input unless its id was already seen in this run; records a rejected one.
   * The future completes once the outcome is final (after the broker acknowledges a send).
   */
  public CompletableFuture<Outcome> submit(ParsedInput input) throws InterruptedException {
    Article article;
    synchronized (this) {
      read++;
      if (input.isRejected()) {
        reject(input.rejection());
        return CompletableFuture.completedFuture(
            new Outcome(Kind.REJECTED, input.location(), null, input.rejection()));
      }
      article = input.article();
      if (!seen.add(article.id())) {
        duplicates++;
        return CompletableFuture.completedFuture(
            new Outcome(Kind.DUPLICATE, input.location(), article.id(), null));
      }
    }
    // Pacing happens outside the lock so that other sources keep being read and counted.
    synchronized (pacer) {
      if (!pacer.await(article)) {
        Rejection r = new Rejection(input.location(), "not published: run stopped before its turn");
        synchronized (this) {
          seen.remove(article.id());
          reject(r);
        }
        return CompletableFuture.completedFuture(
            new Outcome(Kind.REJECTED, input.location(), article.id(), r));
      }
    }
    CompletableFuture<Void> sent;
    try {
      sent = sink.send(article);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Outcome> outcome =
        sent.handle(
            (ok, error) -> {
              synchronized (this) {
                if (error == null) {
                  published++;
                  publishedIds.add(article.id());
                  return new Outcome(Kind.PUBLISHED, input.location(), article.id(), null);
                }
                seen.remove(article.id());
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                Rejection r = new Rejection(input.location(), "publish failed: " + cause);
                reject(r);
                return new Outcome(Kind.REJECTED, input.location(), article.id(), r);
              }
            });
    synchronized (this) {
      pending.add(sent);
      pending.removeIf(CompletableFuture::isDone);
    }
    return outcome;
  }

  private void reject(Rejection r) {
    rejected++;
    rejections.add(r);
    if (progress != null) {
      progress.interrupt();
    }
    diagnostics.println("rejected " + r.location() + ": " + r.reason());
    if (rejects != null) {
      ObjectNode line = JsonSerde.MAPPER.createObjectNode();
      line.put("location", r.location());
      line.put("reason", r.reason());
      line.put("at", Instant.now().toString());
      try {
        rejects.write(JsonSerde.MAPPER.writeValueAsString(line));
        rejects.newLine();
        rejects.flush();
      } catch (IOException e) {
        diagnostics.println("cannot write to the rejects file: " + e.getMessage());
      }
    }
  }

  /** Waits for every send to be acknowledged or failed. */
  public void flush() {
    sink.flush();
    List<CompletableFuture<Void>> waiting;
    synchronized (this) {
      waiting = new ArrayList<>(pending);
    }
    for (CompletableFuture<Void> f : waiting) {
      try {
        f.handle((ok, e) -> null).join();
      } catch (RuntimeException e) {
        // already counted as a rejection by the outcome handler
      }
    }
  }

  public synchronized ProduceSummary summary() {
    return new ProduceSummary(read, published, duplicates, rejected, rejections, publishedIds);
  }

  synchronized void closeRejects() {
    if (rejects != null) {
      try {
        rejects.close();
      } catch (IOException e) {
        diagnostics.println("cannot close the rejects file: " + e.getMessage());
      }
    }
  }
}
