package examops.province;

import java.util.Arrays;
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

  public static Optional<ProbeType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
