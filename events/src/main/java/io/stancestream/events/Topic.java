package io.stancestream.events;

import org.apache.kafka.common.serialization.Serde;

/** A topic with its name and the serdes of its key and value: the only way code names a topic. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  @Override
  public String toString() {
    return name;
  }
}
