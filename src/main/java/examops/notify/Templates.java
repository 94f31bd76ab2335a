package examops.notify;

import examops.province.District;
import examops.province.Province;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The words of a notification, in Vietnamese or English: a short text that fits one SMS
 * ({@value #SMS_LIMIT} characters at most), and an email's subject and body with the details and a
 * link to the board. Pure.
 */
public final class Templates {

  public static final int SMS_LIMIT = 160;
  private static final int SUBJECT_LIMIT = 150;
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("HH:mm dd/MM");
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private final Province province;
  private final ZoneId zone;
  private final String boardUrl;

  /** @param boardUrl the board's address for emails, or null to leave the link out */
  public Templates(Province province, String boardUrl) {
    this.province = province;
    this.zone = province.zone();
    this.boardUrl = boardUrl;
  }

  /** The SMS-length text: severity, reminder number, the message (shortened if need be) and the onset. */
  public String shortText(Notice n, int reminder, String language) {
    boolean en = "en".equals(language);
    String head = "[ExamOps] " + (reminder > 0
        ? (en ? "REMINDER " + reminder + ", " + severity(n.severity(), true) + ", unresolved: "
              : "NHẮC LẦN " + reminder + ", " + severity(n.severity(), false) + ", chưa xử lý: ")
        : severity(n.severity(), en) + ": ");
    String tail = " · " + (reminder > 0 ? (en ? "since " : "từ ") : "") + SHORT.format(n.raisedAt().atZone(zone));
    return head + fit(message(n, en), SMS_LIMIT - length(head) - length(tail)) + tail;
  }

  public String emailSubject(Notice n, int reminder, String language) {
    boolean en = "en".equals(language);
    String head = "[ExamOps] " + (reminder > 0 ? (en ? "Reminder " + reminder + ", unresolved: " : "Nhắc lần " + reminder + ", chưa xử lý: ") : "")
        + severity(n.severity(), en) + ": ";
    return head + fit(message(n, en), SUBJECT_LIMIT - length(head));
  }

  public String emailBody(Notice n, int reminder, String language, String notificationId) {
    boolean en = "en".equals(language);
    StringBuilder b = new StringBuilder();
    b.append(message(n, en)).append("\n\n");
    line(b, en ? "Severity" : "Mức độ", severity(n.severity(), en));
    line(b, en ? "Where" : "Địa bàn", where(n.district(), en));
    line(b, en ? "Subject" : "Đối tượng", subject(n, en));
    line(b, en ? "Rule" : "Quy tắc", rule(n.rule(), en));
    line(b, en ? "Since" : "Bắt đầu lúc", LONG.format(n.raisedAt().atZone(zone)));
    if (reminder > 0) {
      b.append('\n').append(en ? "Reminder " + reminder + ": this is still unresolved and nobody has acknowledged it."
          : "Nhắc lần " + reminder + ": vẫn chưa được xử lý và chưa có ai tiếp nhận.").append('\n');
    }
    if (boardUrl != null) b.append('\n').append(en ? "The board: " : "Bảng điều hành: ").append(boardUrl).append('\n');
    b.append(en ? "Notification id: " : "Mã thông báo: ").append(notificationId).append("\n\n-- \nExamOps · ")
        .append(en ? province.authority().en() : province.authority().vi()).append('\n');
    return b.toString();
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(label).append(": ").append(value).append('\n');
  }

  private static String message(Notice n, boolean en) {
    return en && n.messageEn() != null ? n.messageEn() : n.message();
  }

  private String where(String district, boolean en) {
    if (district == null) return en ? "Province-wide" : "Toàn tỉnh";
    return province.district(district).map(District::name).map(t -> en ? t.en() : t.vi()).orElse(district);
  }

  /** The subject by its name from the province file (a target, a district, a site, a checklist item), else as given. */
  String subject(Notice n, boolean en) {
    String s = n.subject();
    if (s == null) return "";
    String lang = en ? "en" : "vi";
    var target = province.target(s);
    if (target.isPresent()) return target.get().name().in(lang);
    var district = province.district(s);
    if (district.isPresent()) return district.get().name().in(lang);
    var site = province.site(s);
    if (site.isPresent()) return site.get().name().in(lang) + " — " + where(site.get().district(), en);
    String[] key = s.split(":", 3); // a checklist item: group:channel:item
    if (key.length == 3) {
      var item = province.publishingItem(key[1], key[2]);
      if (item.isPresent()) return item.get().name().in(lang) + " — " + where(province.district(key[0]).isPresent() ? key[0] : null, en);
    }
    return s;
  }

  /** The rule that raised it, in words (the same words as the screens' rule.* messages). */
  static String rule(String rule, boolean en) {
    if (rule == null) return "";
    return switch (rule) {
      case "checkin-missed" -> en ? "Missed check-in" : "Bỏ lỡ báo cáo định kỳ";
      case "site-checkin-missed" -> en ? "Site missed its check-in" : "Điểm thi bỏ lỡ báo cáo định kỳ";
      case "target-down" -> en ? "Service down" : "Hệ thống ngừng hoạt động";
      case "incident-unacknowledged" -> en ? "Critical incident not acknowledged" : "Sự cố nghiêm trọng chưa được tiếp nhận";
      case "publishing-late" -> en ? "Publishing late" : "Tuyên truyền trễ hạn";
      case Notice.INCIDENT_CRITICAL -> en ? "Critical incident reported" : "Có sự cố nghiêm trọng";
      default -> rule;
    };
  }

  static String severity(Severity s, boolean en) {
    return switch (s) {
      case CRITICAL -> en ? "CRITICAL" : "NGHIÊM TRỌNG";
      case HIGH -> en ? "HIGH" : "CAO";
      case MEDIUM -> en ? "MEDIUM" : "TRUNG BÌNH";
      case LOW -> en ? "LOW" : "THẤP";
    };
  }

  /** The text cut to at most {@code max} characters (code points), with an ellipsis when cut. */
  static String fit(String s, int max) {
    if (length(s) <= max) return s;
    return s.substring(0, s.offsetByCodePoints(0, Math.max(0, max - 1))).stripTrailing() + "…";
  }

  static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  /** When this instant falls on the province's clock face: for quiet hours. */
  java.time.LocalTime localTime(Instant t) {
    return t.atZone(zone).toLocalTime();
  }
}
