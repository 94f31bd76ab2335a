package examops.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The text of an exported report, read back with the libraries that wrote it (opening it is the first check). */
public final class ExportText {

  private ExportText() {}

  public static String pdf(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      StringBuilder b = new StringBuilder();
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int p = 1; p <= reader.getNumberOfPages(); p++) b.append(extractor.getTextFromPage(p)).append('\n');
      return b.toString();
    } finally {
      reader.close();
    }
  }

  public static String docx(byte[] docx) throws IOException {
    try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
      return x.getText();
    }
  }
}
