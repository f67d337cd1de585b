package io.stancestream.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancestream.events.JsonSerde;
import io.stancestream.events.StanceStreamConfig;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints output records for people (a few readable lines per record) or for programs (one JSON
 * object per line: {@code {"topic", "key", "value"}}; nothing else on stdout).
 */
final class ResultPrinter {

  private final PrintStream out;
  private final boolean json;
  private final StanceStreamConfig cfg;

  ResultPrinter(PrintStream out, boolean json, StanceStreamConfig cfg) {
    this.out = out;
    this.json = json;
    this.cfg = cfg;
  }

  synchronized void print(OutputTail.Output o) {
    if (json) {
      ObjectNode line = JsonSerde.MAPPER.createObjectNode();
      line.put("topic", o.topic());
      line.put("key", o.key());
      line.set("value", o.value());
      try {
        out.println(JsonSerde.MAPPER.writeValueAsString(line));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      String text = readable(o);
      if (text == null) {
        return;
      }
      out.println(text);
    }
    out.flush();
  }

  private String readable(OutputTail.Output o) {
    JsonNode v = o.value();
    String topic = o.topic();
    if (topic.equals(cfg.topicName("article-stance"))) {
      return stance(v);
    }
    if (topic.equals(cfg.topicName("articles-dlq"))) {
      return String.format(
          "[%s] REJECTED key=%s reason=%s: %s (from %s-%s@%s)",
          topic,
          o.key(),
          v.path("reason").asText(),
          v.path("detail").asText(),
          v.path("sourceTopic").asText(),
          v.path("sourcePartition").asText(),
          v.path("sourceOffset").asText());
    }
    if (topic.equals(cfg.topicName("alerts"))) {
      return String.format(
          "%n[alerts] %s on %s, window %s: %s%n  articles: %s",
          v.path("rule").asText().toUpperCase(Locale.ROOT),
          v.path("key").asText(),
          window(v),
          compact(v.path("figures")),
          compact(v.path("articleIds").isMissingNode() ? v.path("links") : v.path("articleIds")));
    }
    if (v.has("topic") && v.has("count")) {
      // Readable mode shows the hourly (tumbling) counts; hopping windows are in --json and the
      // API.
      if (!"tumbling".equals(v.path("window").asText("tumbling"))) {
        return null;
      }
      return String.format(
          "[%s] %-24s %s  mentions %d in %d article(s)",
          topic,
          v.path("topic").asText(),
          window(v),
          v.path("count").asInt(),
          v.path("articles").asInt());
    }
    if (v.has("outlet") && v.has("counts")) {
      JsonNode c = v.path("counts");
      return String.format(
          Locale.ROOT,
          "[%s] %-24s %s  n=%d  FAVOR %d / AGAINST %d / NEUTRAL %d  mean score %+.2f",
          topic,
          v.path("outlet").asText(),
          window(v),
          v.path("n").asInt(),
          c.path("FAVOR").asInt(),
          c.path("AGAINST").asInt(),
          c.path("NEUTRAL").asInt(),
          v.path("meanScore").asDouble());
    }
    return String.format("[%s] %s %s", topic, o.key(), compact(v));
  }

  private static String window(JsonNode v) {
    String start = v.path("windowStart").asText();
    String end = v.path("windowEnd").asText();
    return start.replace("T", " ").replace(":00Z", "")
        + " – "
        + end.substring(end.indexOf('T') + 1).replace(":00Z", "");
  }

  private static String stance(JsonNode v) {
    JsonNode s = v.path("stance");
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%n[article-stance] %-7s score %+.2f  confidence %.2f  %s%n",
            s.path("label").asText(),
            s.path("score").asDouble(),
            s.path("confidence").asDouble(),
            v.path("articleId").asText()));
    b.append(
        String.format(
            "  \"%s\" — %s, %s%n",
            v.path("title").asText("(untitled)"),
            v.path("outlet").asText("unknown outlet"),
            v.path("publishedAt").isNull() ? "undated" : v.path("publishedAt").asText()));
    int shown = 0;
    for (JsonNode e : v.path("evidence")) {
      if (shown++ == 5) {
        break;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "  %+.2f  %-10s %s%n",
              e.path("contribution").asDouble(),
              e.path("speaker").asText(),
              abbreviate(e.path("sentence").asText(), 140)));
    }
    JsonNode mentions = v.path("mentions");
    if (mentions.size() > 0) {
      b.append("  mentions: ").append(compact(mentions));
    }
    return b.toString().stripTrailing();
  }

  private static String compact(JsonNode v) {
    String s = v.toString();
    return abbreviate(s, 240);
  }

  private static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
