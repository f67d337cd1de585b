package io.stancestream.streams.enrich;

import io.stancestream.events.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first record of each article id through and drops every later one (<b>first wins</b>),
 * so re-publishing an article never yields a second {@code article-stance} record nor doubles a
 * count. The store maps article id to a fingerprint of title and body; a re-published article whose
 * text changed is still dropped (logged), because counting a correction as a new article would
 * double the windowed counts. Scoring a corrected text needs a new id.
 *
 * <p>An id is remembered only once its article has been scored ({@link Enricher} shares the store),
 * so a record whose scoring failed (and went to {@code articles-dlq}) is scored when replayed.
 *
 * <p>Input must be keyed, and partitioned, by article id: the topology re-keys records whose key
 * differs from their id before this step.
 */
public final class FirstSeenFilter implements FixedKeyProcessor<String, Article, Article> {

  private static final Logger LOG = LoggerFactory.getLogger(FirstSeenFilter.class);

  private final String storeName;
  private FixedKeyProcessorContext<String, Article> context;
  private KeyValueStore<String, String> seen;

  public FirstSeenFilter(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Article> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, Article> record) {
    String previous = seen.get(record.key());
    if (previous != null) {
      // Fingerprinted only here: a new article's fingerprint is taken once, when it is marked.
      if (!previous.equals(fingerprint(record.value()))) {
        LOG.info("dropped a re-published article with changed text (first wins): {}", record.key());
      }
      return;
    }
    // The Enricher marks the id (markSeen) once the article is scored: a record whose scoring
    // fails goes to the dead-letter topic unmarked, so replaying it (replay-dlq) after the cause is
    // fixed scores it instead of dropping it as already seen.
    context.forward(record);
  }

  /** Remembers {@code article} as seen; called by the step that scores it, once it has. */
  static void markSeen(KeyValueStore<String, String> seen, String id, Article article) {
    seen.put(id, fingerprint(article));
  }

  /** SHA-256 over title and body, first 16 bytes in hex. */
  static String fingerprint(Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(String.valueOf(a.title()).getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(a.body().getBytes(StandardCharsets.UTF_8));
      byte[] digest = md.digest();
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JRE", e);
    }
  }
}
