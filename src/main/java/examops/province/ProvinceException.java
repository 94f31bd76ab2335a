package examops.province;

import java.util.List;

/** The province file could not be read or is not valid; each problem names its entry. */
public final class ProvinceException extends RuntimeException {

  private final List<String> problems;

  public ProvinceException(String source, List<String> problems) {
    super(source + ": " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public ProvinceException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.problems = List.of(problem);
  }

  public List<String> problems() {
    return problems;
  }
}
