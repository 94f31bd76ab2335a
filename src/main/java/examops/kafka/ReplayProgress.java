package examops.kafka;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the start-up replay has come: records read of those in the log when the node started.
 *
 * @param announced the caught-up state has been handed to the board at least once
 */
public record ReplayProgress(long done, long total, boolean caughtUp, boolean announced, String error) {

  public static ReplayProgress starting() {
    return new ReplayProgress(0, -1, false, false, null);
  }

  static ReplayProgress of(Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end, Map<TopicPartition, Long> position) {
    long total = 0;
    long done = 0;
    for (TopicPartition tp : end.keySet()) {
      long b = begin.getOrDefault(tp, 0L);
      long e = end.get(tp);
      total += e - b;
      done += Math.min(e, Math.max(b, position.getOrDefault(tp, b))) - b;
    }
    return new ReplayProgress(done, total, done >= total, false, null);
  }

  ReplayProgress announce() {
    return caughtUp ? new ReplayProgress(done, total, true, true, error) : this;
  }

  ReplayProgress failed(String why) {
    return new ReplayProgress(done, total, false, announced, why);
  }

  public int percent() {
    if (total <= 0) return total == 0 ? 100 : 0;
    return (int) Math.min(100, done * 100 / total);
  }

  public JsonObject toJson() {
    return new JsonObject().put("records", done).put("of", Math.max(total, 0)).put("percent", percent())
        .put("caughtUp", caughtUp).put("error", error);
  }
}
