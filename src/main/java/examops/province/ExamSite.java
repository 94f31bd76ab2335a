package examops.province;

/**
 * A site of the exam: an exam site (điểm thi) or a grading site (điểm chấm thi).
 *
 * @param id {@code district/slug}, e.g. {@code long-xuyen/thpt-long-xuyen}
 * @param address the street address, or null when the file does not give it
 * @param sample true when the name and address are illustrative, not the real 2020 list
 * @param checkins true when this site reports its own check-ins: an exam site on the site cadence,
 *     a grading site on the grading cadence during the grading period
 * @param kind exam or grading ({@code "kind"} in the file, default exam)
 */
public record ExamSite(
    String id, String district, LocalizedText name, String address, boolean sample, boolean checkins,
    SiteKind kind) {

  public ExamSite {
    kind = kind == null ? SiteKind.EXAM : kind;
  }

  /** An exam site (the kind every site had before grading sites existed). */
  public ExamSite(String id, String district, LocalizedText name, String address, boolean sample, boolean checkins) {
    this(id, district, name, address, sample, checkins, SiteKind.EXAM);
  }

  public boolean grading() {
    return kind == SiteKind.GRADING;
  }
}
