package examops.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of {@code /metrics} (Prometheus text format), read the way Prometheus reads it. */
public final class Prometheus {

  public record Sample(String name, Map<String, String> labels, double value) {}

  private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  private final List<Sample> samples = new ArrayList<>();
  private final Map<String, String> types = new HashMap<>();

  private Prometheus() {}

  public static Prometheus parse(String text) {
    Prometheus p = new Prometheus();
    for (String line : text.split("\n")) {
      if (line.isBlank()) continue;
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        p.types.put(parts[2], parts[3]);
        continue;
      }
      if (line.startsWith("#")) continue;
      Matcher m = LINE.matcher(line);
      if (!m.matches()) throw new IllegalArgumentException("not a Prometheus sample line: " + line);
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) labels.put(l.group(1), l.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
      p.samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
    }
    return p;
  }

  /** The family's declared type ({@code counter}, {@code gauge}, {@code summary}...), or null. */
  public String type(String family) {
    return types.get(family);
  }

  /** The samples of this name carrying these label pairs (and any others). */
  public List<Sample> samples(String name, String... labelPairs) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.name().equals(name)) continue;
      boolean all = true;
      for (int i = 0; i < labelPairs.length; i += 2) all &= labelPairs[i + 1].equals(s.labels().get(labelPairs[i]));
      if (all) out.add(s);
    }
    return out;
  }

  /** The sum of the matching samples; 0 when there is none (a counter not yet incremented is absent). */
  public double value(String name, String... labelPairs) {
    return samples(name, labelPairs).stream().mapToDouble(Sample::value).sum();
  }

  public List<Sample> all() {
    return List.copyOf(samples);
  }
}
