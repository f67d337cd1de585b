package io.stancestream.streams.validate;

import io.stancestream.streams.errors.DeadLetters;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Validates each raw {@code articles} record with {@link ArticleParser} and attaches the source
 * coordinates (topic, partition, offset) and the original key and bytes to every rejection, which
 * is why it is a processor with record metadata rather than a serde.
 *
 * <p>Rejections carry the wall-clock time of the failure as their timestamp (from the context, so
 * {@code TopologyTestDriver} controls it): an event-time timestamp years in the past would let the
 * broker delete the dead letter at once under time-based retention.
 */
public final class ArticleValidator implements FixedKeyProcessor<String, byte[], Validation> {

  private final ArticleParser parser;
  private final int maxOriginalBytes;
  private FixedKeyProcessorContext<String, Validation> context;

  public ArticleValidator(int maxBodyChars, int maxOriginalBytes) {
    this.parser = new ArticleParser(maxBodyChars);
    this.maxOriginalBytes = maxOriginalBytes;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Validation> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    ArticleParser.Result result = parser.parse(record.value());
    if (result instanceof ArticleParser.Accepted accepted) {
      context.forward(record.withValue(Validation.valid(accepted.article())));
      return;
    }
    ArticleParser.Rejected rejected = (ArticleParser.Rejected) result;
    long now = context.currentSystemTimeMs();
    RecordMetadata meta = context.recordMetadata().orElse(null);
    context.forward(
        record
            .withValue(
                Validation.rejected(
                    DeadLetters.of(
                        rejected.reason().code(),
                        rejected.detail(),
                        meta == null ? null : meta.topic(),
                        meta == null ? -1 : meta.partition(),
                        meta == null ? -1L : meta.offset(),
                        record.key(),
                        record.value(),
                        Instant.ofEpochMilli(now),
                        maxOriginalBytes)))
            .withTimestamp(now));
  }
}
