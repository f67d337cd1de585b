package io.stancestream.producer;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How a produce run behaves, beyond what {@code StanceStreamConfig} says. Build from {@link
 * #defaults()} with the {@code with...} methods.
 *
 * @param rate records per second, 0 for unlimited
 * @param speed replay at this many times the original pace by {@code publishedAt}, 0 for off
 * @param follow keep watching directories for new files and polling URLs until stopped
 * @param pollInterval how often followed URLs are polled; null for {@code ingest.poll.interval}
 * @param listen address for the {@code POST /articles} endpoint; null for none
 * @param rejectsFile where rejected inputs are also written as JSON lines; null for none
 * @param fieldMapping JSON field overrides, article field to JSON path ({@code title=headline})
 * @param languages accepted languages (ISO 639-1); empty accepts all (language is only tagged)
 * @param progress show a progress bar on long runs (on a terminal or with many inputs)
 * @param skipExisting read the ids already on the articles topic first and publish none of them
 *     again (they count as duplicates)
 */
public record ProduceOptions(
    double rate,
    double speed,
    boolean follow,
    Duration pollInterval,
    InetSocketAddress listen,
    Path rejectsFile,
    Map<String, String> fieldMapping,
    Set<String> languages,
    boolean progress,
    boolean skipExisting) {

  public ProduceOptions {
    if (rate < 0 || speed < 0) {
      throw new IllegalArgumentException("--rate and --speed must be positive");
    }
    fieldMapping = Map.copyOf(fieldMapping);
    languages = Set.copyOf(languages);
  }

  public static ProduceOptions defaults() {
    return new ProduceOptions(0, 0, false, null, null, null, Map.of(), Set.of(), true, false);
  }

  public ProduceOptions withRate(double perSecond) {
    return new ProduceOptions(
        perSecond,
        speed,
        follow,
        pollInterval,
        listen,
        rejectsFile,
        fieldMapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withSpeed(double factor) {
    return new ProduceOptions(
        rate,
        factor,
        follow,
        pollInterval,
        listen,
        rejectsFile,
        fieldMapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withFollow(boolean on) {
    return new ProduceOptions(
        rate,
        speed,
        on,
        pollInterval,
        listen,
        rejectsFile,
        fieldMapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withPollInterval(Duration interval) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        interval,
        listen,
        rejectsFile,
        fieldMapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withListen(InetSocketAddress address) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        pollInterval,
        address,
        rejectsFile,
        fieldMapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withRejectsFile(Path file) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        pollInterval,
        listen,
        file,
        fieldMapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withFieldMapping(Map<String, String> mapping) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        pollInterval,
        listen,
        rejectsFile,
        mapping,
        languages,
        progress,
        skipExisting);
  }

  public ProduceOptions withLanguages(Set<String> accepted) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        pollInterval,
        listen,
        rejectsFile,
        fieldMapping,
        accepted,
        progress,
        skipExisting);
  }

  public ProduceOptions withProgress(boolean show) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        pollInterval,
        listen,
        rejectsFile,
        fieldMapping,
        languages,
        show,
        skipExisting);
  }

  public ProduceOptions withSkipExisting(boolean skip) {
    return new ProduceOptions(
        rate,
        speed,
        follow,
        pollInterval,
        listen,
        rejectsFile,
        fieldMapping,
        languages,
        progress,
        skip);
  }
}
