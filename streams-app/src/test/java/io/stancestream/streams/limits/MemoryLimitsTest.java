package io.stancestream.streams.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stancestream.events.StanceStreamConfig;
import io.stancestream.events.Topics;
import io.stancestream.streams.StanceStreamApp;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** The app's memory settings are explicit, configurable, and bound every RocksDB store together. */
class MemoryLimitsTest {

  private static StanceStreamConfig cfg(Map<String, String> extra) {
    Map<String, String> m = new HashMap<>();
    m.put("bootstrap.servers", "localhost:9092");
    m.put("application.id", "limits-test");
    m.put("state.dir", "/tmp/limits-test");
    m.putAll(extra);
    return StanceStreamConfig.of(m);
  }

  private static Properties props(StanceStreamConfig cfg) {
    return StanceStreamApp.streamsProperties(cfg, Topics.from(cfg));
  }

  @Test
  void theStreamsPropertiesSetEveryLimitExplicitly() {
    Properties p = props(cfg(Map.of()));
    assertThat(p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo("10485760");
    assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbConfig.class.getName());
    assertThat(p.get(BoundedRocksDbConfig.BLOCK_CACHE_CONFIG)).isEqualTo("67108864");
    assertThat(p.get(BoundedRocksDbConfig.WRITE_BUFFERS_CONFIG)).isEqualTo("16777216");
    assertThat(p.get(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG)).isEqualTo("500");
  }

  @Test
  void settingsAndStreamsOverridesChangeThem() {
    Properties p =
        props(
            cfg(
                Map.of(
                    "state.cache.max.bytes", "1048576",
                    "rocksdb.block.cache.bytes", "33554432",
                    "streams.buffered.records.per.partition", "100")));
    assertThat(p.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo("1048576");
    assertThat(p.get(BoundedRocksDbConfig.BLOCK_CACHE_CONFIG)).isEqualTo("33554432");
    assertThat(p.get(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG)).isEqualTo("100");
  }

  @Test
  void aMalformedSizeIsAClearError() {
    assertThatThrownBy(() -> props(cfg(Map.of("rocksdb.block.cache.bytes", "64MB"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rocksdb.block.cache.bytes");
  }

  @Test
  void everyStoreSharesOneBoundedCacheAndSmallMemtables() {
    RocksDB.loadLibrary();
    Map<String, Object> configs = new HashMap<>();
    props(cfg(Map.of())).forEach((k, v) -> configs.put(k.toString(), v));
    BoundedRocksDbConfig setter = new BoundedRocksDbConfig();
    try (Options first = new Options();
        Options second = new Options()) {
      // As Kafka Streams does before it calls the setter.
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());
      setter.setConfig("seen-articles", first, configs);
      setter.setConfig("topic-mentions-hopping", second, configs);
      for (Options o : new Options[] {first, second}) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) o.tableFormatConfig();
        assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
        assertThat(o.writeBufferSize()).isEqualTo(4L * 1024 * 1024);
        assertThat(o.maxWriteBufferNumber()).isEqualTo(2);
      }
      assertThat(BoundedRocksDbConfig.sharedCacheBytes()).isPositive();
      setter.close("seen-articles", first);
      setter.close("topic-mentions-hopping", second);
    }
  }
}
