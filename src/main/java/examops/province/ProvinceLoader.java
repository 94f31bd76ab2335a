package examops.province;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Placeholder until the province data file lands. */
public final class ProvinceLoader {
  private ProvinceLoader() {}

  public static Province loadOrDefault(String pathOrNull) {
    List<District> districts = List.of("long-xuyen", "chau-doc", "tan-chau", "an-phu", "phu-tan", "chau-phu",
        "tinh-bien", "tri-ton", "chau-thanh", "cho-moi", "thoai-son").stream().map(id -> new District(id, id, List.of())).toList();
    return new Province("an-giang", "An Giang", new LocalizedText("Kỳ thi tốt nghiệp THPT năm 2020", "2020 graduation exam"),
        ZoneId.of("Asia/Ho_Chi_Minh"), districts,
        List.of(new Target("datacenter", "Trung tâm dữ liệu tỉnh", "datacenter", null, null, null),
            new Target("portal", "Cổng thông tin điện tử tỉnh", "portal", null, null, null)),
        List.of(new PublishingItem("radio", "timetable", new LocalizedText("Lịch thi", "Timetable"),
                OffsetDateTime.parse("2020-08-05T17:00:00+07:00"), true),
            new PublishingItem("provincial-portal", "exam-section", new LocalizedText("Chuyên mục", "Exam section"),
                OffsetDateTime.parse("2020-07-25T17:00:00+07:00"), false)));
  }
}
