package examops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One table of the CSV export: a header and rows, written as RFC 4180 (CRLF, fields quoted when
 * they hold a comma, quote or line break). Text that a spreadsheet would take for a formula
 * (starting with =, +, -, @, a tab or a carriage return, which spreadsheets skip before reading a
 * formula) is prefixed with an apostrophe, since incident titles and notes come from users.
 */
final class CsvTable {

  private final String name;
  private final List<String> header;
  private final List<List<Object>> rows = new ArrayList<>();

  CsvTable(String name, String... header) {
    this.name = name;
    this.header = List.of(header);
  }

  String name() {
    return name;
  }

  CsvTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(name + ": " + cells.length + " cells for " + header.size() + " columns");
    }
    rows.add(java.util.Arrays.asList(cells));
    return this;
  }

  int size() {
    return rows.size();
  }

  void writeTo(StringBuilder out) {
    line(out, new ArrayList<>(header));
    rows.forEach(r -> line(out, r));
  }

  private static void line(StringBuilder out, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) return "";
    if (value instanceof Number) return value.toString();
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
    boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
