package io.stancestream.streams.limits;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB state store of the app together, whatever the backlog
 * and however many tasks one instance runs: all stores share one LRU block cache, and their
 * memtables are charged to that same cache through one write-buffer manager, so the total stays
 * near {@value #BLOCK_CACHE_CONFIG} bytes (indexes and filters included) instead of growing with
 * each store (by default every store gets its own 50 MB of block cache and 3 x 16 MB memtables).
 *
 * <p>Settings (passed through the streams config by {@link MemoryLimits}): {@value
 * #BLOCK_CACHE_CONFIG} (default 64 MiB), {@value #WRITE_BUFFERS_CONFIG} (default 16 MiB, the part
 * of the cache memtables may use) and {@value #MEMTABLE_CONFIG} (default 4 MiB per memtable).
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

  public static final String BLOCK_CACHE_CONFIG = "stancestream.rocksdb.block.cache.bytes";
  public static final String WRITE_BUFFERS_CONFIG = "stancestream.rocksdb.write.buffers.bytes";
  public static final String MEMTABLE_CONFIG = "stancestream.rocksdb.memtable.bytes";

  static final long DEFAULT_BLOCK_CACHE = 64L * 1024 * 1024;
  static final long DEFAULT_WRITE_BUFFERS = 16L * 1024 * 1024;
  static final long DEFAULT_MEMTABLE = 4L * 1024 * 1024;

  /** Shared by every store in this JVM; created by the first store, sized by its settings. */
  private static Cache cache;

  private static WriteBufferManager writeBuffers;
  private static long cacheBytes;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    long memtable = bytes(configs, MEMTABLE_CONFIG, DEFAULT_MEMTABLE);
    BlockBasedTableConfig table =
        options.tableFormatConfig() instanceof BlockBasedTableConfig t
            ? t
            : new BlockBasedTableConfig();
    table.setBlockCache(shared(configs));
    // Index and filter blocks live in the bounded cache too, pinned at high priority.
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(writeBuffers);
    options.setWriteBufferSize(memtable);
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write-buffer manager are shared by all stores and live as long as the JVM.
  }

  /** The size of the shared cache, or 0 before the first store was configured. */
  public static synchronized long sharedCacheBytes() {
    return cache == null ? 0 : cacheBytes;
  }

  private static synchronized Cache shared(Map<String, Object> configs) {
    if (cache == null) {
      cacheBytes = bytes(configs, BLOCK_CACHE_CONFIG, DEFAULT_BLOCK_CACHE);
      long buffers = bytes(configs, WRITE_BUFFERS_CONFIG, DEFAULT_WRITE_BUFFERS);
      if (buffers > cacheBytes) {
        throw new IllegalArgumentException(
            WRITE_BUFFERS_CONFIG
                + " ("
                + buffers
                + ") exceeds "
                + BLOCK_CACHE_CONFIG
                + " ("
                + cacheBytes
                + ")");
      }
      // Strict capacity off: a full cache must slow writes down, not fail reads.
      cache = new LRUCache(cacheBytes, -1, false, 0.1);
      writeBuffers = new WriteBufferManager(buffers, cache);
    }
    return cache;
  }

  private static long bytes(Map<String, Object> configs, String key, long fallback) {
    Object v = configs.get(key);
    if (v == null || v.toString().isBlank()) {
      return fallback;
    }
    long n = Long.parseLong(v.toString().trim());
    if (n <= 0) {
      throw new IllegalArgumentException(key + " must be positive: " + n);
    }
    return n;
  }
}
