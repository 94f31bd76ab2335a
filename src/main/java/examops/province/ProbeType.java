package examops.province;

import examops.vocabulary.WireNames;
import java.util.Optional;

/** How ExamOps' own prober checks a target. */
public enum ProbeType {
  /** GET the url; up when the status matches and the answer comes within the latency threshold. */
  HTTP("http"),
  /** Open a TCP connection to host:port. */
  TCP("tcp");

  private final String wireName;

  ProbeType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  private static final WireNames<ProbeType> NAMES = new WireNames<>(values(), e -> e.wireName);

  public static Optional<ProbeType> fromWireName(String name) {
    return NAMES.find(name);
  }
}
