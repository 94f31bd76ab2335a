package examops.province;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import examops.vocabulary.Channel;
import examops.vocabulary.IncidentCategory;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class DefaultProvinceTest {

  private final Province p = ProvinceLoader.loadDefault();

  @Test
  @DisplayName("the default file loads as An Giang, 2020, in the Asia/Ho_Chi_Minh zone")
  void loadsAnGiang() {
    assertThat(p.id()).isEqualTo("an-giang");
    assertThat(p.name().vi()).isEqualTo("An Giang");
    assertThat(p.exam().vi()).isEqualTo("Kỳ thi tốt nghiệp THPT năm 2020");
    assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
  }

  @Test
  @DisplayName("the default file has the 11 district-level units with stable ids and about 47 exam sites")
  void elevenDistricts() {
    assertThat(p.districts()).extracting(District::id).containsExactly(
        "long-xuyen", "chau-doc", "tan-chau", "an-phu", "phu-tan", "chau-phu", "tinh-bien", "tri-ton",
        "chau-thanh", "cho-moi", "thoai-son");
    assertThat(p.district("chau-doc")).get().extracting(d -> d.name().vi()).isEqualTo("TP. Châu Đốc");
    assertThat(p.sites()).filteredOn(s -> s.kind() == SiteKind.EXAM).hasSizeBetween(46, 48).allMatch(ExamSite::sample);
    assertThat(p.districts()).allMatch(d -> !d.sites().isEmpty());
  }

  @Test
  @DisplayName("the grading sites are sites of kind grading with their own period (2020, estimated) and cadence")
  void gradingSites() {
    assertThat(p.gradingSites()).extracting(ExamSite::id)
        .containsExactly("long-xuyen/cham-thi-tu-luan", "long-xuyen/cham-thi-trac-nghiem");
    assertThat(p.gradingSites()).allMatch(ExamSite::checkins).allMatch(ExamSite::sample);
    GradingPeriod g = p.grading().orElseThrow();
    assertThat(g.start()).isEqualTo(java.time.Instant.parse("2020-08-12T00:00:00Z"));
    assertThat(g.estimated()).isTrue();
    java.time.Instant lastPaperEnds = p.timetable().stream().filter(ExamSession::isExam)
        .map(ExamSession::end).max(java.util.Comparator.naturalOrder()).orElseThrow();
    assertThat(g.start()).isAfter(lastPaperEnds);
    assertThat(g.end()).isBefore(java.time.Instant.parse("2020-08-27T00:00:00+07:00"));
    assertThat(g.phaseAt(java.time.Instant.parse("2020-08-10T10:00:00+07:00"))).isEqualTo(GradingPhase.BEFORE_GRADING);
    assertThat(g.phaseAt(java.time.Instant.parse("2020-08-15T10:00:00+07:00"))).isEqualTo(GradingPhase.GRADING);
    assertThat(g.phaseAt(g.end())).isEqualTo(GradingPhase.GRADING_DONE);
    assertThat(p.checkins().gradingCadence()).get().extracting(Cadence::every).isEqualTo(java.time.Duration.ofHours(4));
  }

  @Test
  @DisplayName("every exam and grading site has a line, phone, fax and internet target, phone and fax riding on the line")
  void siteLinks() {
    for (ExamSite site : p.sites()) {
      assertThat(p.targetsAtSite(site.id())).extracting(Target::kind).containsExactlyInAnyOrder(
          TargetKind.LINE, TargetKind.PHONE, TargetKind.FAX, TargetKind.INTERNET);
      assertThat(p.target(site.id() + "/fax")).get().extracting(Target::dependsOn)
          .isEqualTo(java.util.List.of(site.id() + "/line"));
    }
  }

  @Test
  @DisplayName("provincial services are present and component portals depend on the data center")
  void provincialTargets() {
    assertThat(p.target("province/data-center")).get().extracting(Target::kind).isEqualTo(TargetKind.DATACENTER);
    assertThat(p.target("province/email")).isPresent();
    assertThat(p.target("province/portal")).isPresent();
    assertThat(p.targets()).filteredOn(t -> t.kind() == TargetKind.COMPONENT_PORTAL)
        .hasSizeGreaterThanOrEqualTo(3)
        .allMatch(t -> t.dependsOn().contains("province/data-center"));
    assertThat(p.targetsOf("tan-chau")).extracting(Target::id).contains("tan-chau/server-room");
  }

  @Test
  @DisplayName("no probe in the default file is enabled, so a fresh install does not reach the outside internet")
  void probesDisabled() {
    assertThat(p.targets()).allMatch(t -> t.activeProbe().isEmpty());
  }

  @Test
  @DisplayName("the timetable runs from the site check-in day (8 Aug) to the reserve day (11 Aug) with four exam sessions")
  void timetable() {
    assertThat(p.timetable()).extracting(ExamSession::id)
        .containsExactly("site-check-in", "ngu-van", "toan", "to-hop", "ngoai-ngu", "du-phong");
    assertThat(p.timetable()).filteredOn(ExamSession::isExam).hasSize(4);
    assertThat(p.session("ngu-van").orElseThrow().start().atZone(p.zone()).toLocalTime())
        .hasToString("07:35");
  }

  @Test
  @DisplayName("publishing items are found by channel and item, each with a due time")
  void publishing() {
    PublishingItem radio = p.publishingItem("radio", "exam-site-addresses").orElseThrow();
    assertThat(radio.channel()).isEqualTo(Channel.RADIO);
    assertThat(radio.perDistrict()).isTrue();
    assertThat(p.publishingItem("provincial-portal", "exam-section-opened")).get()
        .extracting(PublishingItem::perDistrict).isEqualTo(false);
    assertThat(p.publishingItem("radio", "no-such-item")).isEmpty();
    assertThat(p.publishingItem("fax", "timetable")).isEmpty();
    assertThat(java.util.Arrays.stream(Channel.values()))
        .allMatch(c -> p.publishing().stream().anyMatch(i -> i.channel() == c));
  }

  @Test
  @DisplayName("contacts answer per district, per incident category, and the notice's feedback contacts")
  void contacts() {
    assertThat(p.contactsOf("an-phu")).isNotEmpty();
    assertThat(p.contactsFor(IncidentCategory.SECURITY)).isNotEmpty();
    assertThat(p.feedbackContacts()).hasSize(3).noneMatch(Contact::sample)
        .anyMatch(c -> c.role().vi().equals("Chánh Văn phòng Sở"));
    assertThat(p.leadershipContacts()).extracting(Contact::id).containsExactly("lanh-dao-so", "ban-chi-dao-thi");
  }

  @Test
  @DisplayName("check-ins tighten to every 30 minutes in session and stop after the window")
  void checkins() {
    assertThat(p.checkins().districtCadence(examops.vocabulary.Phase.IN_SESSION)).get()
        .extracting(Cadence::every).isEqualTo(java.time.Duration.ofMinutes(30));
    assertThat(p.checkins().districtCadence(examops.vocabulary.Phase.AFTER_WINDOW)).isEmpty();
  }
}
