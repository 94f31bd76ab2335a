package examops.notify;

import static org.assertj.core.api.Assertions.assertThat;

import examops.province.Contact;
import examops.province.Province;
import examops.province.ProvinceLoader;
import examops.testing.Tier;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Who hears of what, from An Giang's contacts. Pure. */
@Tier.Unit
class RoutingTest {

  private static final Province PROVINCE = ProvinceLoader.loadDefault();
  private final Router router = new Router(PROVINCE);

  private static Notice notice(String rule, String subject, String district, Severity severity, IncidentCategory category) {
    return new Notice(rule + ":" + subject + ":1", rule, subject, district, severity, category, "m", "m",
        Instant.parse("2020-08-09T00:00:00Z"), false);
  }

  private List<String> to(Notice n) {
    return router.recipients(n).stream().map(Contact::id).toList();
  }

  @Test
  @DisplayName("a district's missed check-in goes to that district's contacts and the duty room, not to other districts")
  void perDistrict() {
    assertThat(to(notice("checkin-missed", "an-phu", "an-phu", Severity.HIGH, null)))
        .containsExactlyInAnyOrder("an-phu/van-hoa-thong-tin", "truc-ban-so");
  }

  @Test
  @DisplayName("leadership hears of critical alerts only; the duty room of high and above only")
  void bySeverity() {
    assertThat(to(notice("checkin-missed", "an-phu", "an-phu", Severity.CRITICAL, null)))
        .containsExactlyInAnyOrder("an-phu/van-hoa-thong-tin", "truc-ban-so", "lanh-dao-so", "ban-chi-dao-thi");
    assertThat(to(notice("publishing-late", "an-phu:radio:timetable", "an-phu", Severity.MEDIUM, null)))
        .containsExactly("an-phu/van-hoa-thong-tin");
  }

  @Test
  @DisplayName("an incident class goes to the provincial team that handles it and to the district's own contacts, never to another district's")
  void perIncidentClass() {
    assertThat(to(notice("target-down", "an-phu/thpt-an-phu/line", "an-phu", Severity.HIGH, IncidentCategory.NETWORK)))
        .containsExactlyInAnyOrder("vien-thong", "an-phu/van-hoa-thong-tin", "truc-ban-so")
        .doesNotContain("long-xuyen/van-hoa-thong-tin");
    assertThat(to(notice("target-down", "province/portal", null, Severity.CRITICAL, IncidentCategory.OUTAGE)))
        .containsExactlyInAnyOrder("trung-tam-du-lieu", "truc-ban-so", "lanh-dao-so", "ban-chi-dao-thi");
    assertThat(to(notice(Notice.INCIDENT_CRITICAL, "INC-1", "cho-moi", Severity.CRITICAL, IncidentCategory.EXAM_DATA)))
        .containsExactlyInAnyOrder("doi-ung-cuu-su-co", "sgddt-thuong-truc", "cho-moi/van-hoa-thong-tin", "truc-ban-so",
            "lanh-dao-so", "ban-chi-dao-thi");
  }

  @Test
  @DisplayName("the public feedback contacts are never called out")
  void notFeedback() {
    assertThat(to(notice("target-down", "province/portal", null, Severity.CRITICAL, IncidentCategory.OUTAGE)))
        .doesNotContainAnyElementsOf(PROVINCE.feedbackContacts().stream().map(Contact::id).toList());
  }

  @Test
  @DisplayName("the rules a contact may follow are the ones the node runs, plus critical incidents")
  void knownRules() {
    assertThat(java.util.Set.of(examops.checkin.MissedCheckinRule.NAME, examops.monitoring.TargetDownRule.NAME,
        examops.incident.UnacknowledgedIncidentRule.NAME, examops.publishing.LatePublishingRule.NAME, Notice.INCIDENT_CRITICAL))
        .isEqualTo(PROVINCE.contacts().stream().filter(c -> c.id().equals("truc-ban-so")).findFirst().orElseThrow().rules()
            .stream().collect(java.util.stream.Collectors.toSet()));
  }
}
