package examops.monitoring;

import examops.province.Target;
import examops.vocabulary.HealthStatus;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds failures that a down parent explains into that parent, so a cut line shows as one cause
 * (the line) instead of an alert storm (line, phone, fax).
 */
public final class DependencyFolding {

  private final Map<String, List<String>> parents;

  public DependencyFolding(Map<String, List<String>> dependsOn) {
    this.parents = Map.copyOf(dependsOn);
  }

  public static DependencyFolding of(List<Target> targets) {
    Map<String, List<String>> graph = new LinkedHashMap<>();
    targets.forEach(t -> graph.put(t.id(), t.dependsOn()));
    return new DependencyFolding(graph);
  }

  /**
   * For each down target with a down parent, its root cause: the down ancestor that no down parent
   * explains in turn. Down targets absent from the result are causes themselves.
   *
   * @param status current status by target id; missing ids count as unknown
   */
  public Map<String, String> rootCauses(Map<String, HealthStatus> status) {
    Map<String, String> causes = new LinkedHashMap<>();
    status.forEach((id, s) -> {
      if (s != HealthStatus.DOWN) return;
      String root = root(id, status, new HashSet<>());
      if (!root.equals(id)) causes.put(id, root);
    });
    return causes;
  }

  /** True when a down parent explains this target's failure. */
  /** The down ancestor that explains this down target, or null when it is a cause itself. */
  public String rootCause(String targetId, Map<String, HealthStatus> status) {
    if (downParent(targetId, status) == null) return null;
    return root(targetId, status, new HashSet<>());
  }

  public boolean explained(String targetId, Map<String, HealthStatus> status) {
    return downParent(targetId, status) != null;
  }

  private String root(String id, Map<String, HealthStatus> status, Set<String> seen) {
    String parent = downParent(id, status);
    // The validator rejects cycles; the seen set only keeps a hand-built graph from looping.
    if (parent == null || !seen.add(id)) return id;
    return root(parent, status, seen);
  }

  private String downParent(String id, Map<String, HealthStatus> status) {
    for (String p : parents.getOrDefault(id, List.of())) {
      if (status.get(p) == HealthStatus.DOWN) return p;
    }
    return null;
  }
}
