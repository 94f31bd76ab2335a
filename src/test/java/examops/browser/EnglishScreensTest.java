package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.access.Role;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * Every screen in English, walked as its users meet it on the drill's second exam morning (an
 * escalated critical incident and its alert, the first day's incidents and alerts in the report): the visible text may hold Vietnamese letters only in
 * what people wrote (titles, notes, names of people) and in the province's own names as its file
 * gives them in English ("Long Xuyên city"). Anything else with a Vietnamese letter is untranslated.
 */
@Tier.Browser
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnglishScreensTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  /**
   * 10/08 07:32: the first exam day behind (every rule has fired), and the exam-data incident reported
   * at 07:20 still unacknowledged, escalated by the rules, its alert on the board.
   */
  private static final Instant MOMENT = Instant.parse("2020-08-10T00:32:00Z");
  private static final Pattern VIETNAMESE = Pattern.compile(
      "\\S*[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]\\S*", Pattern.CASE_INSENSITIVE);
  /** Fields of the board whose text people wrote: shown as written in either language. */
  private static final Set<String> WRITTEN = Set.of("title", "description", "note", "evidence", "by", "assignee",
      "reportedBy", "acknowledgedBy", "holder", "phone", "email");

  private TestNode node;

  @BeforeAll
  void start() throws Exception {
    node = TestNode.startDrill(Files.createTempDirectory("examops-english"), new TestClock(MOMENT));
    long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
    while (System.nanoTime() < deadline && !played(node.board())) Thread.sleep(300);
    assertThat(played(node.board())).as("the drill played up to the exam-data incident's escalation").isTrue();
  }

  @AfterAll
  void stop() {
    if (node != null) node.close();
  }

  private static boolean played(JsonObject board) {
    JsonObject examData = board.getJsonObject("incidents").getJsonObject("DRILL-003");
    return examData != null && examData.getInteger("escalations", 0) > 0
        && board.getJsonObject("alerts").stream().anyMatch(e -> "incident-unacknowledged".equals(((JsonObject) e.getValue()).getString("rule")));
  }

  @Test
  @DisplayName("in English, the board, the incident desk, the summary, the report, the guide, the district page and the sign-in page show no untranslated Vietnamese")
  void everyScreenInEnglish() {
    List<String> found = new ArrayList<>();
    try (Browser b = Browser.start(1920, 1080)) {
      b.open(node.baseUrl() + "/?access_token=" + node.commandToken());
      b.js("localStorage.setItem('examops.lang', 'en');");
      b.open(node.baseUrl() + "/index.html");
      b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11
          && "Live".equals(d.findElement(By.id("conn")).getText()) && !d.findElements(By.cssSelector("#alert-list .alert")).isEmpty());
      assertThat(b.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
      check(b, "board", found);
      b.screenshot("english-board-1920x1080");
      b.driver().findElement(By.cssSelector("#incident-list .incident[data-id='DRILL-003']")).click();
      b.waitUntil(WAIT, d -> d.findElement(By.id("incident-desk")).isDisplayed());
      check(b, "incident desk", found);
      b.screenshot("english-incident-desk-1920x1080");
      b.driver().findElement(By.cssSelector("#incident-desk .desk-close")).click();

      for (String page : List.of("summary.html", "report.html")) {
        b.open(node.baseUrl() + "/" + page);
        b.waitUntil(WAIT, d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        check(b, page, found);
        b.screenshot("english-" + page.replace(".html", "") + "-1920x1080");
      }
      b.open(node.baseUrl() + "/guide.html");
      b.waitUntil(WAIT, d -> !d.findElement(By.tagName("h1")).getText().isBlank());
      check(b, "guide", found);
      b.viewport(390, 844);
      b.open(node.baseUrl() + "/index.html");
      b.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#district-grid .district")).size() == 11);
      b.screenshot("english-board-390x844");
    }
    try (Browser b = Browser.start(390, 844)) {
      b.open(node.baseUrl() + "/login.html");
      b.js("localStorage.setItem('examops.lang', 'en');");
      b.open(node.baseUrl() + "/login.html");
      b.waitUntil(WAIT, d -> !d.findElement(By.tagName("h1")).getText().isBlank());
      check(b, "sign-in", found);
      b.open(node.baseUrl() + "/?access_token=" + node.token(Role.DISTRICT, "tri-ton"));
      b.waitUntil(WAIT, d -> d.getCurrentUrl().endsWith("/district.html"));
      b.waitUntil(WAIT, d -> d.findElement(By.id("main")).isDisplayed() && "Live".equals(d.findElement(By.id("conn")).getText()));
      check(b, "district page", found);
      b.screenshot("english-district-390x844");
    }
    assertThat(found).as("untranslated text in English mode").isEmpty();
  }

  /** Collects each word with a Vietnamese letter left once what people wrote and the province's English names are taken out. */
  private void check(Browser b, String screen, List<String> found) {
    String text = String.valueOf(b.js("return document.body.innerText;"));
    for (String allowed : allowed()) text = text.replace(allowed, " ");
    Matcher m = VIETNAMESE.matcher(text);
    while (m.find()) {
      int from = Math.max(0, m.start() - 40);
      int to = Math.min(text.length(), m.end() + 40);
      found.add(screen + ": «" + m.group() + "» in «" + text.substring(from, to).replace('\n', ' ') + "»");
    }
  }

  /** What the board holds that people wrote, and every English name, longest first (so parts do not break wholes). */
  private List<String> allowed() {
    Set<String> out = new LinkedHashSet<>(List.of("Tiếng Việt")); // the other language's own name, on the switch
    collect(node.board(), out);
    // The province file's own English names (exam sites appear by name in the district page's forms).
    examops.province.Province province = examops.province.ProvinceLoader.loadDefault();
    out.add(province.name().en());
    province.districts().forEach(d -> out.add(d.name().en()));
    province.sites().forEach(x -> out.add(x.name().en()));
    // The board's site chips shorten a site's English name to the proper name ("THPT Long Xuyên exam site" → "THPT Long Xuyên").
    province.sites().forEach(x -> out.add(x.name().en().replaceAll("(?i)\\s+(exam|grading) site$", "")));
    province.targets().forEach(x -> out.add(x.name().en()));
    List<String> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  private static void collect(Object value, Set<String> out) {
    if (value instanceof JsonObject o) {
      if (o.getValue("en") instanceof String en && o.getValue("vi") instanceof String) out.add(en);
      for (String key : o.fieldNames()) {
        Object v = o.getValue(key);
        if (v instanceof String s && WRITTEN.contains(key) && !s.isBlank()) out.add(s);
        else collect(v, out);
      }
    } else if (value instanceof JsonArray a) {
      a.forEach(v -> collect(v, out));
    }
  }
}
