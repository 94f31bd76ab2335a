package examops.province.sheet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one CSV file the way spreadsheets write it: UTF-8 with or without a BOM, CRLF, LF or CR
 * line ends, RFC 4180 quoting (separators, quotes and line breaks inside quoted cells), and the
 * separator Excel uses where the decimal mark is a comma ({@code ;}), told from the header line.
 * Every problem found is added to the list given; the rows that can be read are returned.
 */
final class SheetReader {

  private final String file;
  private final List<SheetProblem> problems;

  private SheetReader(String file, List<SheetProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The sheet, or null when nothing could be read (the problems say why). */
  static Sheet read(String file, byte[] bytes, List<SheetProblem> problems) {
    return new SheetReader(file, problems).read(bytes);
  }

  private Sheet read(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      problem(1, "tệp được lưu dạng UTF-16 (\"Unicode Text\"); hãy lưu lại dạng \"CSV UTF-8\"",
          "the file is saved as UTF-16 (\"Unicode Text\"); save it again as \"CSV UTF-8\"");
      return null;
    }
    String text = decode(bytes);
    if (text == null) return null;
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    char separator = separator(text);
    List<Record> records = records(text, separator);
    if (records.isEmpty()) {
      problem(1, "tệp trống: cần một dòng tiêu đề với tên các cột", "the file is empty: it needs a header row naming the columns");
      return null;
    }
    Record head = records.get(0);
    List<String> header = new ArrayList<>();
    for (String name : head.cells) header.add(name.strip().toLowerCase(java.util.Locale.ROOT));
    if (!checkHeader(head.line, header)) return new Sheet(file, header, List.of());
    List<Sheet.Row> rows = new ArrayList<>();
    for (Record r : records.subList(1, records.size())) {
      if (r.cells.stream().allMatch(String::isBlank)) continue;
      Map<String, String> cells = new LinkedHashMap<>();
      boolean ok = true;
      for (int i = 0; i < r.cells.size(); i++) {
        String value = r.cells.get(i).strip();
        if (i >= header.size()) {
          if (!value.isEmpty()) {
            problem(r.line, "dòng có " + r.cells.size() + " ô nhưng tiêu đề chỉ có " + header.size() + " cột (thiếu dấu ngoặc kép quanh một ô có dấu phân cách?)",
                "the row has " + r.cells.size() + " cells but the header has " + header.size() + " columns (a cell with a separator not in quotes?)");
            ok = false;
            break;
          }
          continue;
        }
        if (ignored(header.get(i))) continue;
        cells.put(header.get(i), unprotect(value));
      }
      if (ok) rows.add(new Sheet.Row(r.line, cells));
    }
    return new Sheet(file, header, rows);
  }

  /** Columns named "_..." or "#..." are notes, as "_" keys are comments in the province file. */
  static boolean ignored(String column) {
    return column.startsWith("_") || column.startsWith("#");
  }

  /** A leading apostrophe keeps a spreadsheet from reading "+84..." or "=..." as a formula; it is not part of the value. */
  private static String unprotect(String value) {
    return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
  }

  private boolean checkHeader(int line, List<String> header) {
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    List<String> known = SheetFiles.columns(file);
    for (String name : header) {
      if (name.isEmpty() || ignored(name)) continue;
      if (!seen.add(name)) {
        problem(line, "cột \"" + name + "\" có hai lần", "column \"" + name + "\" appears twice");
        ok = false;
      } else if (!known.contains(name)) {
        problem(line, "cột \"" + name + "\" không có trong " + file + " (các cột: " + String.join(", ", known) + ")",
            "column \"" + name + "\" is not a column of " + file + " (columns: " + String.join(", ", known) + ")");
        ok = false;
      }
    }
    for (String column : known) {
      if (SheetFiles.required(file, column) && !seen.contains(column)) {
        problem(line, "thiếu cột bắt buộc \"" + column + "\"", "the required column \"" + column + "\" is missing");
        ok = false;
      }
    }
    return ok;
  }

  private String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes);
      int line = 1;
      for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
      problem(line, "tệp không phải UTF-8 (có lẽ được lưu bằng bảng mã Windows); hãy lưu lại dạng \"CSV UTF-8\"",
          "the file is not UTF-8 (probably saved in a Windows code page); save it again as \"CSV UTF-8\"");
      return null;
    }
  }

  /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int firstInvalid(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (n < 0) return i;
      for (int k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) return i;
      i += n + 1;
    }
    return b.length;
  }

  /** The separator with the most occurrences outside quotes on the header line: ',', ';' or tab. */
  private static char separator(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r')) break;
      else if (!quoted && c == ',') commas++;
      else if (!quoted && c == ';') semicolons++;
      else if (!quoted && c == '\t') tabs++;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
  }

  private record Record(int line, List<String> cells) {}

  private List<Record> records(String text, char sep) {
    List<Record> out = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int i = 0;
    int n = text.length();
    boolean atCellStart = true;
    while (i < n) {
      char c = text.charAt(i);
      if (atCellStart && c == '"') {
        int quoteLine = line;
        i++;
        boolean closed = false;
        while (i < n) {
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (q == '\r' || q == '\n') {
            line++;
            if (q == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
              i++;
            }
            cell.append('\n');
            i++;
            continue;
          }
          cell.append(q);
          i++;
        }
        if (!closed) {
          problem(quoteLine, "dấu ngoặc kép mở ở đây không được đóng đến cuối tệp",
              "a quote opened here is not closed before the end of the file");
          cells.add(cell.toString());
          out.add(new Record(recordLine, List.copyOf(cells)));
          return out;
        }
        int afterQuote = i;
        while (i < n && text.charAt(i) != sep && text.charAt(i) != '\r' && text.charAt(i) != '\n') i++;
        if (i > afterQuote && !text.substring(afterQuote, i).isBlank()) {
          problem(line, "có chữ sau dấu ngoặc kép đóng của ô \"" + cell + "\" (trong ô có ngoặc kép, hãy viết \"\")",
              "text after the closing quote of cell \"" + cell + "\" (write \"\" for a quote inside a quoted cell)");
        }
        atCellStart = false;
        continue;
      }
      if (c == sep) {
        cells.add(cell.toString());
        cell.setLength(0);
        atCellStart = true;
        i++;
        continue;
      }
      if (c == '\r' || c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
        out.add(new Record(recordLine, List.copyOf(cells)));
        cells.clear();
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
        i++;
        line++;
        recordLine = line;
        atCellStart = true;
        continue;
      }
      cell.append(c);
      atCellStart = false;
      i++;
    }
    if (!cells.isEmpty() || cell.length() > 0) {
      cells.add(cell.toString());
      out.add(new Record(recordLine, List.copyOf(cells)));
    }
    return out;
  }

  private void problem(int line, String vi, String en) {
    problems.add(new SheetProblem(file, line, vi, en));
  }
}
