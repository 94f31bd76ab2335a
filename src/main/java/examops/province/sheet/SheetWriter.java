package examops.province.sheet;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes one CSV file for spreadsheets: UTF-8 with a BOM (so Excel shows Vietnamese), CRLF, cells
 * quoted when they hold a comma, semicolon, quote or line break. A value a spreadsheet would take
 * for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading apostrophe, which
 * the reader removes again.
 */
final class SheetWriter {

  private SheetWriter() {}

  static byte[] write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(out, header);
    rows.forEach(r -> line(out, r));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) return "";
    String v = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = v.chars().anyMatch(c -> c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r')
        || !v.equals(v.strip());
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
