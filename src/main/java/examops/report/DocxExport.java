package examops.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The official document as an editable Word file (Apache POI): A4 with the decree's margins, Times
 * New Roman (the font administrative documents use; it has every Vietnamese letter), the letterhead
 * and the signature block as borderless two-column tables so the writer can change any line.
 */
final class DocxExport {

  static final String FONT = "Times New Roman";
  /** Twentieths of a point per millimetre. */
  private static final double TWIPS_PER_MM = 1440 / 25.4;

  private DocxExport() {}

  static byte[] write(OfficialDocument doc) {
    try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      page(docx);
      docx.getProperties().getCoreProperties().setTitle(doc.head().title() + " — " + doc.head().subject());
      docx.getProperties().getCoreProperties().setCreator("ExamOps");
      letterhead(docx, doc.head());
      for (OfficialDocument.Block b : doc.body()) block(docx, b);
      signature(docx, doc.signature());
      docx.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void page(XWPFDocument docx) {
    CTSectPr sect = docx.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(twips(210)));
    size.setH(BigInteger.valueOf(twips(297)));
    CTPageMar mar = sect.addNewPgMar();
    mar.setTop(BigInteger.valueOf(twips(20)));
    mar.setBottom(BigInteger.valueOf(twips(20)));
    mar.setLeft(BigInteger.valueOf(twips(30)));
    mar.setRight(BigInteger.valueOf(twips(20)));
  }

  private static void letterhead(XWPFDocument docx, OfficialDocument.Letterhead h) {
    XWPFTable top = borderless(docx, 2, new int[] {42, 58});
    XWPFTableCell left = top.getRow(0).getCell(0);
    XWPFTableCell right = top.getRow(0).getCell(1);
    line(first(left), h.parent(), false, false, 12, ParagraphAlignment.CENTER);
    line(left.addParagraph(), h.issuer(), true, false, 12, ParagraphAlignment.CENTER);
    line(left.addParagraph(), "————", false, false, 10, ParagraphAlignment.CENTER);
    line(left.addParagraph(), h.number(), false, false, 13, ParagraphAlignment.CENTER);
    line(first(right), h.nation(), true, false, 12, ParagraphAlignment.CENTER);
    line(right.addParagraph(), h.motto(), true, false, 13, ParagraphAlignment.CENTER);
    line(right.addParagraph(), "———————————", false, false, 10, ParagraphAlignment.CENTER);
    line(right.addParagraph(), h.dateline(), false, true, 13, ParagraphAlignment.CENTER);
    XWPFParagraph t = docx.createParagraph();
    t.setSpacingBefore(240);
    line(t, h.title(), true, false, 14, ParagraphAlignment.CENTER);
    line(docx.createParagraph(), h.subject(), true, false, 13, ParagraphAlignment.CENTER);
    String[] to = h.to().split("\n");
    for (int i = 0; i < to.length; i++) {
      XWPFParagraph p = docx.createParagraph();
      p.setIndentationLeft(twips(i == 0 ? 30 : 52));
      if (i == 0) p.setSpacingBefore(120);
      line(p, (i == 0 ? h.toLabel() + " " : "") + to[i], false, false, 13, ParagraphAlignment.LEFT);
    }
    XWPFParagraph period = docx.createParagraph();
    period.setSpacingBefore(120);
    line(period, h.period(), false, true, 13, ParagraphAlignment.BOTH);
  }

  private static void block(XWPFDocument docx, OfficialDocument.Block b) {
    if (b instanceof OfficialDocument.Heading h) {
      XWPFParagraph p = docx.createParagraph();
      p.setSpacingBefore(160);
      p.setSpacingAfter(60);
      line(p, h.text(), true, false, 13, ParagraphAlignment.LEFT);
    } else if (b instanceof OfficialDocument.Paragraph para) {
      XWPFParagraph p = docx.createParagraph();
      if (!para.note()) p.setIndentationFirstLine(twips(10));
      p.setSpacingAfter(60);
      line(p, para.text(), false, para.note(), para.note() ? 11 : 13, ParagraphAlignment.BOTH);
    } else if (b instanceof OfficialDocument.Table t) {
      table(docx, t);
    }
  }

  private static void table(XWPFDocument docx, OfficialDocument.Table t) {
    List<List<String>> rows = t.rows();
    XWPFTable table = docx.createTable(rows.size() + 1, t.headers().size());
    table.setWidth("100%");
    table.setTableAlignment(TableRowAlign.CENTER);
    float sum = 0;
    for (float f : t.widths()) sum += f;
    for (int r = 0; r <= rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (r == 0) row.setRepeatHeader(true);
      List<String> cells = r == 0 ? t.headers() : rows.get(r - 1);
      boolean strong = r == 0 || (t.lastIsTotal() && r == rows.size());
      for (int i = 0; i < cells.size(); i++) {
        XWPFTableCell cell = row.getCell(i);
        cell.setWidth(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * t.widths()[i] / sum));
        line(first(cell), cells.get(i), strong, false, 11, i == 1 && r > 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
      }
    }
    docx.createParagraph();
  }

  private static void signature(XWPFDocument docx, OfficialDocument.Signature s) {
    XWPFTable foot = borderless(docx, 2, new int[] {50, 50});
    XWPFTableCell left = foot.getRow(0).getCell(0);
    XWPFTableCell right = foot.getRow(0).getCell(1);
    line(first(left), s.recipientsLabel(), true, true, 12, ParagraphAlignment.LEFT);
    for (String r : s.recipients()) line(left.addParagraph(), r, false, false, 11, ParagraphAlignment.LEFT);
    XWPFParagraph p = first(right);
    if (!s.onBehalf().isBlank()) {
      line(p, s.onBehalf(), true, false, 13, ParagraphAlignment.CENTER);
      p = right.addParagraph();
    }
    line(p, s.position(), true, false, 13, ParagraphAlignment.CENTER);
    line(right.addParagraph(), s.hint(), false, true, 12, ParagraphAlignment.CENTER);
    for (int i = 0; i < 4; i++) right.addParagraph();
    line(right.addParagraph(), s.signer(), true, false, 13, ParagraphAlignment.CENTER);
  }

  /** A one-row table without borders, columns in percent of the text width. */
  private static XWPFTable borderless(XWPFDocument docx, int columns, int[] percents) {
    XWPFTable t = docx.createTable(1, columns);
    t.setWidth("100%");
    t.removeBorders();
    for (int i = 0; i < columns; i++) t.getRow(0).getCell(i).setWidth(percents[i] + "%");
    return t;
  }

  private static XWPFParagraph first(XWPFTableCell cell) {
    return cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
  }

  private static void line(XWPFParagraph p, String text, boolean bold, boolean italic, int size, ParagraphAlignment align) {
    p.setAlignment(align);
    XWPFRun run = p.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    run.setText(text);
  }

  private static int twips(double mm) {
    return (int) Math.round(mm * TWIPS_PER_MM);
  }
}
