package examops.province.sheet;

/** One problem in the spreadsheets, at {@code file:line}, said in Vietnamese and English. */
public record SheetProblem(String file, int line, String vi, String en) implements Comparable<SheetProblem> {

  /** {@code file:line: message} in the language asked for ("en", else Vietnamese). */
  public String render(String language) {
    return file + ":" + line + ": " + ("en".equals(language) ? en : vi);
  }

  @Override
  public int compareTo(SheetProblem o) {
    int byFile = SheetFiles.order(file) - SheetFiles.order(o.file);
    if (byFile != 0) return byFile;
    return Integer.compare(line, o.line);
  }
}
