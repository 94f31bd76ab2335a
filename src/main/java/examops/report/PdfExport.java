package examops.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official document as an A4 PDF (OpenPDF), with DejaVu Serif embedded (subset) so every
 * Vietnamese letter renders whatever fonts the reader's machine has, and its text can be extracted.
 */
final class PdfExport {

  static final String REGULAR = "fonts/DejaVuSerifCondensed.ttf";
  static final String BOLD = "fonts/DejaVuSerifCondensed-Bold.ttf";
  static final String ITALIC = "fonts/DejaVuSerifCondensed-Italic.ttf";

  private final Font text;
  private final Font bold;
  private final Font italic;
  private final Font small;
  private final Font smallBold;
  private final Font title;

  private PdfExport() {
    BaseFont regular = font(REGULAR);
    BaseFont heavy = font(BOLD);
    BaseFont slanted = font(ITALIC);
    text = new Font(regular, 12);
    bold = new Font(heavy, 12);
    italic = new Font(slanted, 12);
    small = new Font(regular, 9.5f);
    smallBold = new Font(heavy, 9.5f);
    title = new Font(heavy, 14);
  }

  static byte[] write(OfficialDocument doc) {
    return new PdfExport().render(doc);
  }

  private byte[] render(OfficialDocument doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Decree 30/2020: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
    Document pdf = new Document(PageSize.A4, mm(30), mm(20), mm(20), mm(20));
    try {
      PdfWriter.getInstance(pdf, out);
      pdf.addTitle(doc.head().title() + " — " + doc.head().subject());
      pdf.addCreator("ExamOps");
      pdf.open();
      letterhead(pdf, doc.head());
      for (OfficialDocument.Block b : doc.body()) block(pdf, b);
      signature(pdf, doc.signature());
      pdf.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the PDF could not be laid out: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private void letterhead(Document pdf, OfficialDocument.Letterhead h) throws DocumentException {
    PdfPTable top = new PdfPTable(new float[] {4.2f, 5.8f});
    top.setWidthPercentage(100);
    PdfPCell left = plain();
    left.addElement(centered(h.parent(), new Font(text.getBaseFont(), 11.5f)));
    left.addElement(centered(h.issuer(), new Font(bold.getBaseFont(), 11.5f)));
    left.addElement(rule(35));
    left.addElement(centered(h.number(), text));
    PdfPCell right = plain();
    right.addElement(centered(h.nation(), new Font(bold.getBaseFont(), 11.5f)));
    right.addElement(centered(h.motto(), bold));
    right.addElement(rule(55));
    right.addElement(centered(h.dateline(), italic));
    top.addCell(left);
    top.addCell(right);
    pdf.add(top);
    Paragraph t = centered(h.title(), title);
    t.setSpacingBefore(14);
    pdf.add(t);
    pdf.add(centered(h.subject(), bold));
    Paragraph to = new Paragraph();
    to.setSpacingBefore(8);
    to.setIndentationLeft(mm(30));
    to.add(new Chunk(h.toLabel() + " ", text));
    String[] lines = h.to().split("\n");
    to.add(new Chunk(lines[0], text));
    pdf.add(to);
    for (int i = 1; i < lines.length; i++) {
      Paragraph more = new Paragraph(lines[i], text);
      more.setIndentationLeft(mm(30) + text.getBaseFont().getWidthPoint(h.toLabel() + " ", 12));
      pdf.add(more);
    }
    Paragraph period = new Paragraph(h.period(), italic);
    period.setSpacingBefore(8);
    pdf.add(period);
  }

  private void block(Document pdf, OfficialDocument.Block b) throws DocumentException {
    if (b instanceof OfficialDocument.Heading h) {
      Paragraph p = new Paragraph(h.text(), bold);
      p.setSpacingBefore(10);
      p.setSpacingAfter(4);
      pdf.add(p);
    } else if (b instanceof OfficialDocument.Paragraph para) {
      Paragraph p = new Paragraph(para.text(), para.note() ? new Font(italic.getBaseFont(), 10.5f) : text);
      p.setAlignment(Element.ALIGN_JUSTIFIED);
      p.setFirstLineIndent(para.note() ? 0 : mm(10));
      p.setSpacingAfter(3);
      pdf.add(p);
    } else if (b instanceof OfficialDocument.Table t) {
      pdf.add(table(t));
    }
  }

  private PdfPTable table(OfficialDocument.Table t) throws DocumentException {
    PdfPTable table = new PdfPTable(t.widths());
    table.setWidthPercentage(100);
    table.setSpacingBefore(4);
    table.setSpacingAfter(6);
    table.setHeaderRows(1);
    for (String head : t.headers()) {
      PdfPCell c = new PdfPCell(new Phrase(head, smallBold));
      c.setHorizontalAlignment(Element.ALIGN_CENTER);
      c.setVerticalAlignment(Element.ALIGN_MIDDLE);
      c.setPadding(3);
      table.addCell(c);
    }
    List<List<String>> rows = t.rows();
    for (int r = 0; r < rows.size(); r++) {
      boolean total = t.lastIsTotal() && r == rows.size() - 1;
      List<String> row = rows.get(r);
      for (int i = 0; i < row.size(); i++) {
        PdfPCell c = new PdfPCell(new Phrase(row.get(i), total ? smallBold : small));
        c.setHorizontalAlignment(i == 1 ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
        c.setPadding(3);
        table.addCell(c);
      }
    }
    return table;
  }

  private void signature(Document pdf, OfficialDocument.Signature s) throws DocumentException {
    PdfPTable foot = new PdfPTable(new float[] {5f, 5f});
    foot.setWidthPercentage(100);
    foot.setSpacingBefore(16);
    foot.setKeepTogether(true);
    PdfPCell left = plain();
    left.addElement(new Paragraph(s.recipientsLabel(), new Font(bold.getBaseFont(), 11, Font.ITALIC)));
    for (String line : s.recipients()) left.addElement(new Paragraph(line, new Font(text.getBaseFont(), 10)));
    PdfPCell right = plain();
    if (!s.onBehalf().isBlank()) right.addElement(centered(s.onBehalf(), bold));
    right.addElement(centered(s.position(), bold));
    right.addElement(centered(s.hint(), new Font(italic.getBaseFont(), 10.5f)));
    Paragraph space = new Paragraph(" ", text);
    space.setSpacingBefore(56);
    right.addElement(space);
    right.addElement(centered(s.signer().isBlank() ? " " : s.signer(), bold));
    foot.addCell(left);
    foot.addCell(right);
    pdf.add(foot);
  }

  private static PdfPCell plain() {
    PdfPCell c = new PdfPCell();
    c.setBorder(Rectangle.NO_BORDER);
    return c;
  }

  private static Paragraph centered(String s, Font f) {
    Paragraph p = new Paragraph(s, f);
    p.setAlignment(Element.ALIGN_CENTER);
    return p;
  }

  /** The short line under the issuer and under the motto. */
  private static Paragraph rule(float percent) {
    Paragraph p = new Paragraph(new Chunk(new LineSeparator(0.6f, percent, null, Element.ALIGN_CENTER, 2)));
    p.setSpacingAfter(4);
    return p;
  }

  private static float mm(float mm) {
    return mm * 72f / 25.4f;
  }

  private static BaseFont font(String resource) {
    try (InputStream in = PdfExport.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing font " + resource + " on the class path");
      return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
