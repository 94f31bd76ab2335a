package examops.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class ProvinceValidationTest {

  private static final String SITE = "tan-chau/thpt-tan-chau";

  @Test
  @DisplayName("a dependsOn that is not a target names the target entry and the missing id")
  void unknownDependency() {
    assertThat(problemsAfter(p -> target(p, SITE + "/fax").put("dependsOn", new JsonArray().add(SITE + "/nope"))))
        .containsPattern("targets\\[\\d+] \"" + SITE + "/fax\": dependsOn \"" + SITE + "/nope\" is not a target");
  }

  @Test
  @DisplayName("a duplicate target id is reported on the second entry")
  void duplicateTarget() {
    assertThat(problemsAfter(p -> targets(p).add(target(p, "province/email").copy())))
        .containsPattern("targets\\[" + (defaultJson().getJsonArray("targets").size()) + "] \"province/email\": duplicate target id");
  }

  @Test
  @DisplayName("a target in an unknown district names the district")
  void unknownDistrict() {
    assertThat(problemsAfter(p -> target(p, "an-phu/portal").put("district", "an-phu-x")))
        .contains("\"an-phu/portal\": district \"an-phu-x\" is not a district");
  }

  @Test
  @DisplayName("a site link whose site belongs to another district says which district it is in")
  void siteInOtherDistrict() {
    assertThat(problemsAfter(p -> target(p, SITE + "/phone").put("district", "an-phu")))
        .contains("\"" + SITE + "/phone\": site \"" + SITE + "\" is in district \"tan-chau\", not \"an-phu\"");
  }

  @Test
  @DisplayName("an unknown kind lists the kinds that are allowed")
  void badKind() {
    assertThat(problemsAfter(p -> target(p, SITE + "/fax").put("kind", "modem")))
        .contains("\"" + SITE + "/fax\": kind \"modem\" is not one of datacenter, email, portal");
  }

  @Test
  @DisplayName("a misspelt field is an error, not a silently missing value")
  void unknownField() {
    assertThat(problemsAfter(p -> target(p, SITE + "/fax").put("dependOn", new JsonArray())))
        .contains("\"" + SITE + "/fax\": unknown field(s) [dependOn]");
  }

  @Test
  @DisplayName("a time without an offset is rejected with the expected format")
  void timeWithoutOffset() {
    assertThat(problemsAfter(p -> session(p, "toan").put("start", "2020-08-09 14:30")))
        .contains("timetable[2] \"toan\": start \"2020-08-09 14:30\" is not an ISO-8601 date-time with offset");
  }

  @Test
  @DisplayName("sessions out of order are reported on the one that opens too early")
  void sessionsOutOfOrder() {
    assertThat(problemsAfter(p -> {
      JsonArray t = p.getJsonArray("timetable");
      Object toan = t.getValue(2);
      t.set(2, t.getValue(1));
      t.set(1, toan);
    })).contains("timetable[2] \"ngu-van\": opens before \"toan\" ends");
  }

  @Test
  @DisplayName("a session that opens after it starts, or ends before it starts, is rejected")
  void badSessionTimes() {
    String problems = problemsAfter(p -> session(p, "toan")
        .put("open", "2020-08-09T15:00:00+07:00").put("end", "2020-08-09T14:00:00+07:00"));
    assertThat(problems).contains("\"toan\": open is after start").contains("\"toan\": start is not before end");
  }

  @Test
  @DisplayName("a dependency cycle is reported with its path")
  void cycle() {
    assertThat(problemsAfter(p -> target(p, "province/data-center")
        .put("dependsOn", new JsonArray().add("province/portal"))))
        .contains("dependsOn cycle").contains("province/data-center -> province/portal -> province/data-center");
  }

  @Test
  @DisplayName("an HTTP probe needs an http(s) url, and a timeout no longer than its interval")
  void badProbe() {
    String problems = problemsAfter(p -> target(p, "province/portal").getJsonObject("probe")
        .put("url", "ftp://x").put("timeout", "PT2M"));
    assertThat(problems).contains("\"province/portal\": probe url \"ftp://x\" must start with http:// or https://")
        .contains("\"province/portal\": probe timeout PT2M is longer than its interval PT30S");
  }

  @Test
  @DisplayName("duplicate districts, unknown channels, contact districts and maintenance targets are named")
  void otherReferences() {
    String problems = problemsAfter(p -> {
      p.getJsonArray("districts").add(p.getJsonArray("districts").getJsonObject(0).copy().put("sites", new JsonArray()));
      p.getJsonArray("contacts").getJsonObject(0).put("district", "atlantis");
      p.getJsonArray("maintenance").getJsonObject(0).put("targets", new JsonArray().add("province/moon"));
    });
    assertThat(problems).contains("districts[11] \"long-xuyen\": duplicate district id")
        .contains("contacts[0] \"sotttt-chanh-van-phong\": district \"atlantis\" is not a district")
        .contains("maintenance[0] \"dc-storage-2020-08-05\": target \"province/moon\" is not a target");
    assertThat(problemsAfter(p -> p.getJsonArray("publishing").getJsonObject(3).put("channel", "tv")))
        .contains("publishing[3]: channel \"tv\" is not one of provincial-portal, district-portal, radio");
  }

  @Test
  @DisplayName("a contact's notification preferences are checked: known alert rules, a severity, vi or en")
  void contactPreferences() {
    assertThat(problemsAfter(p -> p.getJsonArray("contacts").getJsonObject(0).put("rules", new JsonArray().add("target-dwon"))))
        .contains("contacts[0] \"sotttt-chanh-van-phong\": rules: \"target-dwon\" is not one of checkin-missed, incident-critical");
    assertThat(problemsAfter(p -> p.getJsonArray("contacts").getJsonObject(0).put("minSeverity", "urgent")))
        .contains("minSeverity \"urgent\" is not one of critical, high, medium, low");
    assertThat(problemsAfter(p -> p.getJsonArray("contacts").getJsonObject(0).put("language", "fr")))
        .contains("language \"fr\" is not one of vi, en");
    assertThat(problemsAfter(p -> p.getJsonArray("contacts").getJsonObject(0).put("leadership", "yes")))
        .contains("\"leadership\" must be true or false");
  }

  @Test
  @DisplayName("a file written before grading sites existed (no kind, no grading period, no grading cadence) still loads, every site an exam site")
  void withoutGrading() {
    JsonObject p = defaultJson();
    p.remove("grading");
    p.getJsonObject("checkins").remove("grading");
    for (Object d : p.getJsonArray("districts")) {
      JsonArray sites = ((JsonObject) d).getJsonArray("sites");
      for (int i = sites.size() - 1; i >= 0; i--) {
        if ("grading".equals(sites.getJsonObject(i).getString("kind"))) sites.remove(i);
        else sites.getJsonObject(i).remove("kind");
      }
    }
    JsonArray targets = targets(p);
    for (int i = targets.size() - 1; i >= 0; i--) {
      if (targets.getJsonObject(i).getString("id").contains("/cham-thi-")) targets.remove(i);
    }
    Province province = ProvinceLoader.parse(p.encode(), "test");
    assertThat(province.grading()).isEmpty();
    assertThat(province.checkins().gradingCadence()).isEmpty();
    assertThat(province.sites()).isNotEmpty().allMatch(s -> s.kind() == SiteKind.EXAM);
  }

  @Test
  @DisplayName("grading: an unknown site kind, a period outside the window or backwards, grading sites without a period")
  void gradingProblems() {
    assertThat(problemsAfter(p -> p.getJsonArray("districts").getJsonObject(0).getJsonArray("sites").getJsonObject(0)
        .put("kind", "marking"))).contains("kind \"marking\" is not one of exam, grading");
    assertThat(problemsAfter(p -> p.getJsonObject("grading").put("end", "2020-10-20T00:00:00+07:00")))
        .contains("grading: is outside the window");
    assertThat(problemsAfter(p -> p.getJsonObject("grading").put("end", "2020-08-12T07:00:00+07:00")))
        .contains("grading: start must be before end");
    assertThat(problemsAfter(p -> p.remove("grading")))
        .contains("grading: the file has grading sites but no grading period");
    assertThat(problemsAfter(p -> p.getJsonObject("checkins").getJsonObject("grading").put("every", "PT0S")))
        .contains("checkins.grading: every must be at least one minute (PT1M); got PT0S");
  }

  @Test
  @DisplayName("every problem in the file is reported in one go, not only the first")
  void allProblems() {
    ProvinceException e = failure(p -> {
      target(p, SITE + "/fax").put("kind", "modem");
      target(p, SITE + "/phone").put("kind", "pager");
    });
    assertThat(e.problems()).hasSize(2);
  }

  @Test
  @DisplayName("text that is not JSON is rejected with the source named")
  void notJson() {
    assertThatThrownBy(() -> ProvinceLoader.parse("{not json", "my-province.json"))
        .isInstanceOf(ProvinceException.class).hasMessageStartingWith("my-province.json: is not valid JSON");
  }

  private static String problemsAfter(Consumer<JsonObject> change) {
    return failure(change).getMessage();
  }

  private static ProvinceException failure(Consumer<JsonObject> change) {
    JsonObject p = defaultJson();
    change.accept(p);
    try {
      ProvinceLoader.parse(p.encode(), "test");
    } catch (ProvinceException e) {
      return e;
    }
    throw new AssertionError("the changed file was accepted");
  }

  private static JsonArray targets(JsonObject p) {
    return p.getJsonArray("targets");
  }

  private static JsonObject target(JsonObject p, String id) {
    return find(targets(p), id);
  }

  private static JsonObject session(JsonObject p, String id) {
    return find(p.getJsonArray("timetable"), id);
  }

  private static JsonObject find(JsonArray list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (id.equals(list.getJsonObject(i).getString("id"))) return list.getJsonObject(i);
    }
    throw new AssertionError("no entry " + id);
  }

  private static JsonObject defaultJson() {
    try (InputStream in = ProvinceLoader.class.getClassLoader().getResourceAsStream(ProvinceLoader.DEFAULT_RESOURCE)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
