package io.stancestream.streams.alerts;

import io.stancestream.events.Alert;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes each alert id at most once: the store {@code emitted-alerts} (alert id to alert) holds
 * every alert ever published, so a replayed input, a rule re-evaluated after a restore or the same
 * article re-scored can never publish an id again. Input must be partitioned by alert id. The store
 * doubles as the query source for {@code /api/alerts}.
 */
public final class AlertOnce implements FixedKeyProcessor<String, Alert, Alert> {

  private final String storeName;
  private FixedKeyProcessorContext<String, Alert> context;
  private KeyValueStore<String, Alert> emitted;

  public AlertOnce(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Alert> context) {
    this.context = context;
    this.emitted = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, Alert> record) {
    if (emitted.get(record.key()) != null) {
      return;
    }
    emitted.put(record.key(), record.value());
    context.forward(record);
  }
}
