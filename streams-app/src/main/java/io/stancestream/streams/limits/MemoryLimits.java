package io.stancestream.streams.limits;

import io.stancestream.events.StanceStreamConfig;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The memory the streams app may use, made explicit and configurable, so that a large backlog
 * (hours of articles waiting after an outage) cannot grow it without bound:
 *
 * <ul>
 *   <li>{@code state.cache.max.bytes} (10 MiB): the record cache in front of all state stores
 *       (Kafka Streams' {@code statestore.cache.max.bytes}), on the heap;
 *   <li>{@code rocksdb.block.cache.bytes} (64 MiB), {@code rocksdb.write.buffers.bytes} (16 MiB),
 *       {@code rocksdb.memtable.bytes} (4 MiB): off-heap RocksDB memory, shared by every store
 *       ({@link BoundedRocksDbConfig});
 *   <li>{@code buffered.records.per.partition} (500): input records buffered per partition, on the
 *       heap (articles are large; Kafka's default is 1000).
 * </ul>
 *
 * Any of them can still be overridden with a {@code streams.*} setting, which wins.
 */
public final class MemoryLimits {

  private MemoryLimits() {}

  /** Adds the limits to Kafka Streams properties. */
  public static void apply(StanceStreamConfig cfg, Properties p) {
    p.put(
        StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG,
        Long.toString(bytes(cfg, "state.cache.max.bytes", 10L * 1024 * 1024)));
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
    p.put(
        BoundedRocksDbConfig.BLOCK_CACHE_CONFIG,
        Long.toString(
            bytes(cfg, "rocksdb.block.cache.bytes", BoundedRocksDbConfig.DEFAULT_BLOCK_CACHE)));
    p.put(
        BoundedRocksDbConfig.WRITE_BUFFERS_CONFIG,
        Long.toString(
            bytes(cfg, "rocksdb.write.buffers.bytes", BoundedRocksDbConfig.DEFAULT_WRITE_BUFFERS)));
    p.put(
        BoundedRocksDbConfig.MEMTABLE_CONFIG,
        Long.toString(bytes(cfg, "rocksdb.memtable.bytes", BoundedRocksDbConfig.DEFAULT_MEMTABLE)));
    p.put(
        StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG,
        Integer.toString(cfg.getInt("buffered.records.per.partition", 500)));
  }

  private static long bytes(StanceStreamConfig cfg, String key, long fallback) {
    String v = cfg.get(key, "").trim();
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number of bytes: " + v, e);
    }
  }
}
