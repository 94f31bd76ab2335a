package examops.province.sheet;

import java.util.List;
import java.util.Map;

/**
 * One CSV file as read: its header (column names in lower case, in file order) and its data rows,
 * each with the line it starts on (a quoted cell may span lines).
 */
record Sheet(String file, List<String> header, List<Row> rows) {

  Sheet {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** A data row: its cells by column name (trimmed, never null; "" when empty or absent). */
  record Row(int line, Map<String, String> cells) {

    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }
}
