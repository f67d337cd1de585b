package io.stancestream.streams.windows;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Turns the updates of the tumbling mention counts into increments, keyed by topic, for the hopping
 * windows to add up: a 24-hour window is the sum of its 24 hourly counts, so the hopping aggregate
 * does 24 window updates per changed hourly count (the record cache merges many articles into one
 * change per commit) instead of 24 per mention.
 *
 * <p>The store (topic, tumbling window start) to the last count passed on is what the increments
 * are measured from; it lives in the same task and transaction as the tumbling store, so a restart
 * neither repeats nor loses an increment. Each increment keeps the timestamp of the update, which
 * lies inside its tumbling window, so it lands in exactly the hopping windows that cover it.
 */
public final class MentionDeltas
    implements Processor<Windowed<String>, MentionCount, String, MentionCount> {

  private final String storeName;
  private ProcessorContext<String, MentionCount> context;
  private WindowStore<String, MentionCount> passedOn;

  public MentionDeltas(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, MentionCount> context) {
    this.context = context;
    this.passedOn = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<Windowed<String>, MentionCount> record) {
    MentionCount now = record.value();
    if (now == null) {
      return;
    }
    String topic = record.key().key();
    long windowStart = record.key().window().start();
    MentionCount before = passedOn.fetch(topic, windowStart);
    MentionCount delta = now.since(before == null ? MentionCount.empty() : before);
    if (delta.articles() == 0 && delta.count() == 0) {
      return;
    }
    passedOn.put(topic, now, windowStart);
    context.forward(new Record<>(topic, delta, record.timestamp(), record.headers()));
  }
}
