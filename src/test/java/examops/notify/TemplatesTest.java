package examops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.Severity;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The words of a notification. Pure. */
@Tier.Unit
class TemplatesTest {

  private static final examops.province.Province PROVINCE = ProvinceLoader.loadDefault();
  private final Templates templates = new Templates(PROVINCE, "https://examops.angiang.example/");
  private static final Instant AT = Instant.parse("2020-08-09T00:35:00Z"); // 07:35 in An Giang

  private static Notice notice(String vi, String en) {
    return new Notice("target-down:province.portal:1", "target-down", "province/portal", null, Severity.CRITICAL, null, vi, en, AT, true);
  }

  @Test
  @DisplayName("the short text is Vietnamese by default: severity, message and the onset on the province's clock")
  void vietnamese() {
    assertThat(templates.shortText(notice("Cổng thông tin điện tử tỉnh mất kết nối 3 phút", "Portal down for 3 min"), 0, "vi"))
        .isEqualTo("[ExamOps] NGHIÊM TRỌNG: Cổng thông tin điện tử tỉnh mất kết nối 3 phút · 07:35 09/08");
  }

  @Test
  @DisplayName("a contact who reads English gets English; a reminder says which one and since when")
  void englishAndReminders() {
    Notice n = notice("Cổng thông tin điện tử tỉnh mất kết nối 3 phút", "Provincial portal down for 3 min");
    assertThat(templates.shortText(n, 0, "en")).isEqualTo("[ExamOps] CRITICAL: Provincial portal down for 3 min · 07:35 09/08");
    assertThat(templates.shortText(n, 2, "en")).startsWith("[ExamOps] REMINDER 2, CRITICAL, unresolved: ").endsWith("since 07:35 09/08");
    assertThat(templates.shortText(n, 2, "vi")).startsWith("[ExamOps] NHẮC LẦN 2, NGHIÊM TRỌNG, chưa xử lý: ");
  }

  @Test
  @DisplayName("however long the message, the short text fits one SMS (160 characters) and ends with the time")
  void fitsAnSms() {
    String longVi = "Sự cố nghiêm trọng chưa được tiếp nhận sau 12 phút: ".repeat(8);
    String text = templates.shortText(notice(longVi, null), 12, "vi");
    assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(Templates.SMS_LIMIT);
    assertThat(text).contains("…").endsWith("từ 07:35 09/08");
  }

  @Test
  @DisplayName("the email says where, since when, links to the board and names the notification")
  void email() {
    Notice n = new Notice("checkin-missed:an-phu:1", "checkin-missed", "an-phu", "an-phu", Severity.HIGH, null,
        "An Phú chưa báo cáo: quá hạn 6 phút", "An Phú has missed its check-in: 6 min overdue", AT, false);
    assertThat(templates.emailSubject(n, 0, "vi")).isEqualTo("[ExamOps] CAO: An Phú chưa báo cáo: quá hạn 6 phút");
    String body = templates.emailBody(n, 0, "vi", "checkin-missed:an-phu:1:an-phu/van-hoa-thong-tin:email");
    assertThat(body).contains("Địa bàn: An Phú").contains("Bắt đầu lúc: 07:35 09/08/2020")
        .contains("Bảng điều hành: https://examops.angiang.example/")
        .contains("Mã thông báo: checkin-missed:an-phu:1:an-phu/van-hoa-thong-tin:email");
    assertThat(templates.emailBody(n, 0, "en", "x")).contains("Where: An Phú").contains("The board: https://");
  }

  @Test
  @DisplayName("every text of a notification is in the contact's language: subject, rule, place and message, Vietnamese by default")
  void wholeNotificationInEachLanguage() {
    Notice down = new Notice("target-down:province.portal:1", "target-down", "province/portal", null, Severity.CRITICAL, null,
        "Cổng thông tin điện tử tỉnh mất kết nối 5 phút", "Provincial web portal down for 5 min", AT, true);
    String vi = templates.emailBody(down, 1, "vi", "n-1");
    assertThat(vi).contains("Cổng thông tin điện tử tỉnh mất kết nối 5 phút", "Mức độ: NGHIÊM TRỌNG", "Địa bàn: Toàn tỉnh",
        "Đối tượng: Cổng thông tin điện tử tỉnh", "Quy tắc: Hệ thống ngừng hoạt động", "Nhắc lần 1", "Mã thông báo: n-1")
        .doesNotContain("province/portal", "target-down", "Provincial");
    assertThat(templates.emailSubject(down, 0, "vi")).isEqualTo("[ExamOps] NGHIÊM TRỌNG: Cổng thông tin điện tử tỉnh mất kết nối 5 phút");
    assertThat(templates.shortText(down, 0, "vi")).contains("NGHIÊM TRỌNG").contains("mất kết nối");

    String en = templates.emailBody(down, 1, "en", "n-1");
    assertThat(en).contains("Provincial web portal down for 5 min", "Severity: CRITICAL", "Where: Province-wide",
        "Subject: Provincial web portal", "Rule: Service down", "Reminder 1", "Notification id: n-1");
    assertThat(templates.emailSubject(down, 2, "en")).isEqualTo("[ExamOps] Reminder 2, unresolved: CRITICAL: Provincial web portal down for 5 min");
    assertThat(templates.shortText(down, 0, "en")).isEqualTo("[ExamOps] CRITICAL: Provincial web portal down for 5 min · 07:35 09/08");
    // English mode is English: nothing but the province's own names and the authority's may carry Vietnamese letters.
    for (String text : new String[] {en, templates.emailSubject(down, 2, "en"), templates.shortText(down, 3, "en")}) {
      String stripped = text.replace(PROVINCE.authority().en(), "");
      assertThat(stripped).doesNotContainPattern("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]");
    }

    Notice late = new Notice("publishing-late:an-phu:radio:schedule:1", "publishing-late", "an-phu:radio:timetable", "an-phu",
        Severity.MEDIUM, null, "An Phú: trễ hạn", "An Phú: overdue", AT, false);
    assertThat(templates.emailBody(late, 0, "en", "x")).contains("Where: An Phú", "Rule: Publishing late", "Subject: Exam dates broadcast — An Phú");
    assertThat(templates.emailBody(late, 0, "vi", "x")).contains("Đối tượng: Phát thanh thời gian tổ chức kỳ thi — An Phú");
  }
}
