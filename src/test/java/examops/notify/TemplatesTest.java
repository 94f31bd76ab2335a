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

  private final Templates templates = new Templates(ProvinceLoader.loadDefault(), "https://examops.angiang.example/");
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
}
