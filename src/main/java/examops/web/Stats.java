package examops.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters for /metrics, shared by the web verticle instances. */
public final class Stats {

  final ConcurrentHashMap<String, LongAdder> accepted = new ConcurrentHashMap<>();
  final ConcurrentHashMap<Integer, LongAdder> rejected = new ConcurrentHashMap<>();
  final LongAdder wsClients = new LongAdder();
  final LongAdder wsDropped = new LongAdder();

  void accepted(String stream) {
    accepted.computeIfAbsent(stream, k -> new LongAdder()).increment();
  }

  void rejected(int status) {
    rejected.computeIfAbsent(status, k -> new LongAdder()).increment();
  }
}
