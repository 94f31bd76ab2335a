package examops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.config.Config;
import examops.testing.TestClock;
import examops.testing.TestNode;
import examops.testing.Tier;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Development mode prints working credentials; production refuses to start without a secret. */
@Tier.Broker
class ModesTest {

  private static final Pattern LINK = Pattern.compile("(http://\\S+/\\?access_token=(\\S+))");

  @Test
  @DisplayName("with no secret the node prints working links for command, leadership, every district and every site with a duty, and an agent token; they survive a restart")
  void developmentModePrintsWorkingCredentials() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Path dir = Files.createTempDirectory("examops-dev");
    TestNode node = TestNode.start(dir, new TestClock(Instant.parse("2020-08-09T00:00:00Z")), Map.of("EXAMOPS_SECRET", ""),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      String out = printed.toString(StandardCharsets.UTF_8);
      assertThat(out).contains("DEVELOPMENT mode");
      List<String> lines = out.lines().filter(l -> LINK.matcher(l).find()).toList();
      long sitesWithDuties = node.node().province().sites().stream().filter(examops.province.ExamSite::checkins).count();
      assertThat(sitesWithDuties).isPositive();
      assertThat(lines).hasSize(2 + node.node().province().districts().size() + (int) sitesWithDuties);
      String commandLink = link(lines, "command center");
      assertThat(commandLink).startsWith(node.baseUrl() + "/?access_token=");
      TestNode.Response enrol = node.send("GET", commandLink.substring(node.baseUrl().length()), null, Map.of());
      assertThat(enrol.status()).isEqualTo(303);
      String cookie = enrol.headers().get("set-cookie");
      assertThat(node.send("GET", "/api/v1/me", null, Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')))).json().getString("role"))
          .isEqualTo("command");
      assertThat(me(node, token(link(lines, "leadership"))).getString("role")).isEqualTo("leadership");
      assertThat(me(node, token(link(lines, "district long-xuyen"))).getString("source")).isEqualTo("district:long-xuyen");
      io.vertx.core.json.JsonObject siteStaff = me(node, token(link(lines, "site long-xuyen/thpt-long-xuyen ")));
      assertThat(siteStaff.getString("site")).isEqualTo("long-xuyen/thpt-long-xuyen");
      assertThat(siteStaff.getString("district")).isEqualTo("long-xuyen");
      Matcher agent = Pattern.compile("agent token\\s*: (\\S+)").matcher(out);
      assertThat(agent.find()).isTrue();
      assertThat(node.post("/api/v1/monitoring", Bodies.probe().encode(), agent.group(1)).status()).isEqualTo(202);
      assertThat(Files.readString(dir.resolve("dev-secret")).trim()).as("the secret is kept, never printed").isNotEmpty();
      assertThat(out).doesNotContain(Files.readString(dir.resolve("dev-secret")).trim());

      String districtToken = token(link(lines, "district chau-doc"));
      node = node.restart(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(me(node, districtToken).getString("district")).as("dev links survive a restart of the data directory").isEqualTo("chau-doc");
    } finally {
      node.close();
    }
  }

  private static String link(List<String> lines, String label) {
    String line = lines.stream().filter(l -> l.trim().startsWith(label)).findFirst().orElseThrow(() -> new AssertionError("no line for " + label));
    Matcher m = LINK.matcher(line);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String token(String link) {
    return link.substring(link.indexOf("access_token=") + "access_token=".length());
  }

  private static io.vertx.core.json.JsonObject me(TestNode node, String token) {
    TestNode.Response r = node.get("/api/v1/me", token);
    assertThat(r.status()).isEqualTo(200);
    return r.json();
  }

  @Test
  @DisplayName("EXAMOPS_MODE=production without EXAMOPS_SECRET: the process refuses to start, exit 2, saying why")
  void productionRefusesWithoutSecret() throws Exception {
    Path dir = Files.createTempDirectory("examops-prod");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "examops.Main"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("EXAMOPS_"));
    pb.environment().put("EXAMOPS_MODE", "production");
    pb.environment().put("EXAMOPS_DATA_DIR", dir.toString());
    pb.environment().put("EXAMOPS_HTTP_PORT", "0");
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("it stops by itself").isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(2);
    assertThat(out).contains("EXAMOPS_SECRET").contains("production");
    assertThat(new File(dir.toFile(), "kafka")).as("no broker was started").doesNotExist();
    assertThat(new File(dir.toFile(), "dev-secret")).doesNotExist();
  }

  @Test
  @DisplayName("the config refuses a short secret and an unknown mode, naming the variable, and never shows the secret")
  void configChecksTheSecret() {
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_SECRET", "short"))).hasMessageContaining("EXAMOPS_SECRET").hasMessageContaining("32");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_MODE", "prod"))).hasMessageContaining("EXAMOPS_MODE");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_MODE", "production"))).hasMessageContaining("EXAMOPS_SECRET");
    Config c = Config.load(Map.of("EXAMOPS_MODE", "production", "EXAMOPS_SECRET", TestNode.SECRET));
    assertThat(c.access().production()).isTrue();
    assertThat(c.toString()).doesNotContain(TestNode.SECRET);
    assertThat(Config.load(Map.of()).access().development()).isTrue();
  }
}
