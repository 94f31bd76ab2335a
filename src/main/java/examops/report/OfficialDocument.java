package examops.report;

import java.util.List;

/**
 * A report laid out as a Vietnamese administrative document (Decree 30/2020/ND-CP): the issuing
 * body and the national motto side by side, the number and the place and date, the title and
 * subject, "Kính gửi", numbered sections, then the recipients ("Nơi nhận") beside the signature
 * block. Plain text in one language; {@link PdfExport} and {@link DocxExport} put it on paper.
 */
record OfficialDocument(Letterhead head, List<Block> body, Signature signature) {

  /**
   * @param parent the body above the issuer (e.g. "UBND TỈNH AN GIANG")
   * @param issuer the issuing body, upper case
   * @param number the number and symbol line, left blank for the clerk who registers it
   * @param nation the national name; {@code motto} the motto under it
   * @param dateline place and date ("An Giang, ngày 12 tháng 8 năm 2020")
   */
  record Letterhead(String parent, String issuer, String number, String nation, String motto, String dateline,
      String title, String subject, String toLabel, String to, String period) {}

  /** A section heading, a paragraph, or a table whose last row may be a total. */
  sealed interface Block permits Heading, Paragraph, Table {}

  record Heading(String text, boolean sub) implements Block {}

  record Paragraph(String text, boolean note) implements Block {}

  /** @param widths relative column widths */
  record Table(List<String> headers, List<List<String>> rows, float[] widths, boolean lastIsTotal) implements Block {}

  /**
   * @param recipientsLabel "Nơi nhận:"; {@code recipients} one line each
   * @param position the signer's title (e.g. "GIÁM ĐỐC"); {@code hint} the note under it; {@code signer} may be blank
   */
  record Signature(String recipientsLabel, List<String> recipients, String onBehalf, String position, String hint,
      String signer) {}

  /** Every text of the document in reading order, for tests and for the text extracted back. */
  List<String> texts() {
    List<String> out = new java.util.ArrayList<>(List.of(head.parent(), head.issuer(), head.number(), head.nation(),
        head.motto(), head.dateline(), head.title(), head.subject(), head.toLabel(), head.to(), head.period()));
    for (Block b : body) {
      if (b instanceof Heading h) out.add(h.text());
      if (b instanceof Paragraph p) out.add(p.text());
      if (b instanceof Table t) {
        out.addAll(t.headers());
        t.rows().forEach(out::addAll);
      }
    }
    out.add(signature.recipientsLabel());
    out.addAll(signature.recipients());
    out.add(signature.position());
    return out;
  }
}
