package examops.event;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class IsoDateTimesTest {

  private static OffsetDateTime jdk(String s) {
    try {
      return OffsetDateTime.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Test
  @DisplayName("date-times are read exactly as the JDK's ISO parser reads them, valid or not")
  void sameAsTheJdk() {
    List<String> samples = List.of("2020-08-09T07:05:00+07:00", "2020-08-09T07:05+07:00", "2020-08-09T07:05:00Z",
        "2020-08-09T07:05:00.1Z", "2020-08-09T07:05:00.123456789-03:30", "2020-08-09T07:05:00.1234567890Z",
        "2020-08-09T07:05:00.+07:00", "2020-02-30T07:05:00+07:00", "2020-08-09T24:05:00+07:00", "2020-08-09T07:60:00Z",
        "2020-08-09T07:05:00+19:00", "2020-08-09T07:05:00+07", "2020-08-09T07:05:00", "2020-08-09 07:05:00Z",
        "2020-8-09T07:05:00Z", "2020-08-09T07:05:00z", "2020-08-09T07:05:00-00:00", "+2020-08-09T07:05:00Z",
        "2020-08-09T07:05:00+07:00:00", "2020-08-09T07:05:61Z", "x", "", "2020-08-09T07:05:00.5+07:00x");
    for (String s : samples) assertThat(IsoDateTimes.parse(s)).as(s).isEqualTo(jdk(s));
    assertThat(IsoDateTimes.parse(null)).isNull();
  }
}
