package examops.province;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules across entries of a parsed province file: unique ids, references that resolve, times in
 * order, probes that can run. Every problem names its entry, e.g.
 * {@code targets[12] "tan-chau/thpt-x/fax": dependsOn "tan-chau/thpt-x/line" is not a target}.
 */
final class ProvinceValidator {

  /** What a contact's "rules" may name: the alert rules, and critical incidents as they are reported. */
  static final Set<String> ALERT_RULES = Set.of("checkin-missed", "site-checkin-missed", "target-down", "incident-unacknowledged",
      "publishing-late", "incident-critical");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Province p;
  private final List<String> problems = new ArrayList<>();

  private ProvinceValidator(Province p) {
    this.p = p;
  }

  /** Every problem found; empty when the province is valid. */
  static List<String> validate(Province province) {
    ProvinceValidator v = new ProvinceValidator(province);
    v.province();
    v.districts();
    v.targets();
    v.dependencyCycles();
    v.publishing();
    v.timetable();
    v.checkins();
    v.contacts();
    v.maintenance();
    v.grading();
    v.problems.addAll(AfterExamRules.problems(province));
    return v.problems;
  }

  private void province() {
    if (!SLUG.matcher(p.id()).matches()) problem("id", "\"" + p.id() + "\" must be lower-case words joined by '-'");
    if (!p.window().start().isBefore(p.window().end())) problem("window", "start must be before end");
  }

  private void districts() {
    Set<String> ids = new HashSet<>();
    Set<String> siteIds = new HashSet<>();
    for (int i = 0; i < p.districts().size(); i++) {
      District d = p.districts().get(i);
      String at = entry("districts", i, d.id());
      if (!SLUG.matcher(d.id()).matches()) problem(at, "id must be lower-case words joined by '-'");
      if (!ids.add(d.id())) problem(at, "duplicate district id");
      for (int j = 0; j < d.sites().size(); j++) {
        ExamSite s = d.sites().get(j);
        String siteAt = at + ".sites[" + j + "] \"" + s.id() + "\"";
        String prefix = d.id() + "/";
        if (!s.id().startsWith(prefix) || !SLUG.matcher(s.id().substring(prefix.length())).matches()) {
          problem(siteAt, "id must be \"" + prefix + "<slug>\"");
        }
        if (!siteIds.add(s.id())) problem(siteAt, "duplicate site id");
      }
    }
  }

  private void targets() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.targets().size(); i++) {
      Target t = p.targets().get(i);
      String at = entry("targets", i, t.id());
      if (!ids.add(t.id())) problem(at, "duplicate target id");
      if (t.district() != null && p.district(t.district()).isEmpty()) {
        problem(at, "district \"" + t.district() + "\" is not a district");
      }
      if (t.site() != null) {
        var site = p.site(t.site());
        if (site.isEmpty()) problem(at, "site \"" + t.site() + "\" is not an exam site");
        else if (!site.get().district().equals(t.district())) {
          problem(at, "site \"" + t.site() + "\" is in district \"" + site.get().district()
              + "\", not \"" + t.district() + "\"");
        }
      }
      if (t.kind().isSiteLink() && t.site() == null) problem(at, "a " + t.kind().wireName() + " target needs a site");
      for (String parent : t.dependsOn()) {
        if (parent.equals(t.id())) problem(at, "dependsOn itself");
        else if (p.target(parent).isEmpty()) problem(at, "dependsOn \"" + parent + "\" is not a target");
      }
      if (t.probe() != null) probe(at, t.probe());
      if (t.damping().failuresToDown() < 1 || t.damping().successesToUp() < 1) {
        problem(at, "damping needs failuresToDown and successesToUp of at least 1");
      }
      if (t.downAlertAfter().isNegative()) problem(at, "downAlertAfter must not be negative");
    }
  }

  private void probe(String at, Probe probe) {
    switch (probe.type()) {
      case HTTP -> {
        if (!probe.url().startsWith("http://") && !probe.url().startsWith("https://")) {
          problem(at, "probe url \"" + probe.url() + "\" must start with http:// or https://");
        }
        if (probe.expectStatus() < 100 || probe.expectStatus() > 599) {
          problem(at, "probe expectStatus " + probe.expectStatus() + " is not an HTTP status");
        }
      }
      case TCP -> {
        if (probe.port() < 1 || probe.port() > 65535) problem(at, "probe port " + probe.port() + " is not 1..65535");
      }
    }
    if (!positive(probe.interval())) problem(at, "probe interval must be positive");
    if (!positive(probe.timeout())) problem(at, "probe timeout must be positive");
    else if (positive(probe.interval()) && probe.timeout().compareTo(probe.interval()) > 0) {
      problem(at, "probe timeout " + probe.timeout() + " is longer than its interval " + probe.interval());
    }
    if (probe.latencyThresholdMs() < 0) problem(at, "probe latencyThresholdMs must not be negative");
  }

  /** A cycle would make a failure explain itself; report each target on one once. */
  private void dependencyCycles() {
    Map<String, Integer> colour = new HashMap<>();
    for (Target t : p.targets()) {
      List<String> path = new ArrayList<>();
      if (visit(t.id(), colour, path)) {
        problem("targets", "dependsOn cycle " + String.join(" -> ", path));
        return;
      }
    }
  }

  private boolean visit(String id, Map<String, Integer> colour, List<String> path) {
    Integer c = colour.get(id);
    if (c != null && c == 2) return false;
    path.add(id);
    if (c != null && c == 1) return true;
    colour.put(id, 1);
    for (String parent : p.target(id).map(Target::dependsOn).orElse(List.of())) {
      if (visit(parent, colour, path)) return true;
    }
    colour.put(id, 2);
    path.remove(path.size() - 1);
    return false;
  }

  private void publishing() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < p.publishing().size(); i++) {
      PublishingItem item = p.publishing().get(i);
      String at = entry("publishing", i, item.key());
      if (!SLUG.matcher(item.item()).matches()) problem(at, "item must be lower-case words joined by '-'");
      if (!keys.add(item.key())) problem(at, "duplicate item for channel " + item.channel().wireName());
    }
  }

  private void timetable() {
    List<ExamSession> sessions = p.timetable();
    if (sessions.stream().noneMatch(ExamSession::isExam)) problem("timetable", "has no exam session");
    if (sessions.stream().filter(s -> s.kind() == SessionKind.SITE_CHECK_IN).count() > 1) {
      problem("timetable", "has more than one site-check-in day");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < sessions.size(); i++) {
      ExamSession s = sessions.get(i);
      String at = entry("timetable", i, s.id());
      if (!ids.add(s.id())) problem(at, "duplicate session id");
      if (s.open().isAfter(s.start())) problem(at, "open is after start");
      if (!s.start().isBefore(s.end())) problem(at, "start is not before end");
      if (!p.window().contains(s.open()) || s.end().isAfter(p.window().end())) {
        problem(at, "is outside the window");
      }
      if (i > 0 && s.open().isBefore(sessions.get(i - 1).end())) {
        problem(at, "opens before \"" + sessions.get(i - 1).id() + "\" ends (sessions must be in order, without overlap)");
      }
    }
  }

  private void checkins() {
    p.checkins().district().forEach((phase, c) -> cadence("checkins.district." + phase.wireName(), c));
    p.checkins().site().forEach((phase, c) -> cadence("checkins.site." + phase.wireName(), c));
    p.checkins().gradingCadence().ifPresent(c -> cadence("checkins.grading", c));
    if (p.checkins().delayedAfter().isNegative()) problem("checkins", "delayedAfter must not be negative");
  }

  private void cadence(String at, Cadence c) {
    if (!positive(c.every())) problem(at, "every must be positive");
    if (c.grace().isNegative()) problem(at, "grace must not be negative");
    if ((c.activeFrom() == null) != (c.activeTo() == null)) problem(at, "give both activeFrom and activeTo, or neither");
    else if (c.activeFrom() != null && !c.activeFrom().isBefore(c.activeTo())) problem(at, "activeFrom must be before activeTo");
  }

  private void contacts() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.contacts().size(); i++) {
      Contact c = p.contacts().get(i);
      String at = entry("contacts", i, c.id());
      if (!ids.add(c.id())) problem(at, "duplicate contact id");
      if (c.district() != null && p.district(c.district()).isEmpty()) {
        problem(at, "district \"" + c.district() + "\" is not a district");
      }
      if (c.phone() == null && c.email() == null) problem(at, "needs a phone or an email");
      c.rules().stream().filter(r -> !ALERT_RULES.contains(r))
          .forEach(r -> problem(at, "rules: \"" + r + "\" is not one of " + String.join(", ", ALERT_RULES.stream().sorted().toList())));
    }
  }

  private void maintenance() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < p.maintenance().size(); i++) {
      MaintenanceWindow m = p.maintenance().get(i);
      String at = entry("maintenance", i, m.id());
      if (!ids.add(m.id())) problem(at, "duplicate maintenance id");
      if (!m.from().isBefore(m.to())) problem(at, "from must be before to");
      if (m.targets().isEmpty()) problem(at, "covers no targets");
      m.targets().stream().filter(t -> p.target(t).isEmpty())
          .forEach(t -> problem(at, "target \"" + t + "\" is not a target"));
    }
  }

  private void grading() {
    var period = p.grading();
    if (period.isPresent()) {
      GradingPeriod g = period.get();
      if (!g.start().isBefore(g.end())) problem("grading", "start must be before end");
      else if (!p.window().contains(g.start()) || g.end().isAfter(p.window().end())) {
        problem("grading", "is outside the window");
      }
    }
    if (period.isEmpty() && !p.gradingSites().isEmpty()) {
      problem("grading", "the file has grading sites but no grading period (\"grading\": {\"start\", \"end\"})");
    }
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static String entry(String list, int index, String id) {
    return list + "[" + index + "] \"" + id + "\"";
  }

  private void problem(String at, String what) {
    problems.add(at + ": " + what);
  }
}
