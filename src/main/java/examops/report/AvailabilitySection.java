package examops.report;

import examops.board.BoardState;
import examops.monitoring.Availability;
import examops.monitoring.StatusSpan;
import examops.monitoring.TimeSpan;
import examops.province.District;
import examops.province.Province;
import examops.province.Target;
import examops.province.TargetKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Availability over the measured period: the key services (data center, email, portals, server
 * rooms) one by one, then the exam sites' links (line, phone, fax, internet) summed per district.
 * Up, degraded, down, unknown and maintenance time are kept apart (see {@link Availability}).
 */
final class AvailabilitySection {

  static final List<TargetKind> LINK_KINDS = List.of(TargetKind.LINE, TargetKind.PHONE, TargetKind.FAX, TargetKind.INTERNET);

  private AvailabilitySection() {}

  static JsonObject build(Province province, BoardState state, TimeSpan span) {
    JsonArray key = new JsonArray();
    keyServices(province).forEach(t -> key.add(target(t, of(province, state, t, span))));
    JsonArray links = new JsonArray();
    Availability all = empty();
    for (District d : province.districts()) {
      List<Target> targets = province.targetsOf(d.id()).stream().filter(t -> t.kind().isSiteLink()).toList();
      if (targets.isEmpty()) continue;
      JsonObject byKind = new JsonObject();
      Availability district = empty();
      for (TargetKind kind : LINK_KINDS) {
        List<Target> ofKind = targets.stream().filter(t -> t.kind() == kind).toList();
        Availability sum = sum(ofKind.stream().map(t -> of(province, state, t, span)).toList());
        byKind.put(kind.wireName(), json(sum).put("targets", ofKind.size()));
        district = plus(district, sum);
      }
      all = plus(all, district);
      links.add(json(district).put("district", d.id()).put("names", Texts.json(d.name()))
          .put("targets", targets.size()).put("byKind", byKind));
    }
    return new JsonObject().put("keyServices", key).put("siteLinks", links).put("siteLinksTotal", json(all));
  }

  /** The services leadership asks about first, in the order they are listed in the report. */
  static List<Target> keyServices(Province province) {
    return province.targets().stream().filter(t -> !t.kind().isSiteLink())
        .sorted(Comparator.comparingInt((Target t) -> t.kind().ordinal())).toList();
  }

  static List<Target> siteLinks(Province province) {
    return province.targets().stream().filter(t -> t.kind().isSiteLink()).toList();
  }

  static Availability of(Province province, BoardState state, Target t, TimeSpan span) {
    List<StatusSpan> spans = state.targets().spans(t.id(), span.to());
    // Planned windows from the province data and ad-hoc ones the command center declared.
    List<TimeSpan> maintenance = state.maintenance().all().stream().map(w -> w.window())
        .filter(m -> m.targets().contains(t.id())).map(m -> new TimeSpan(m.from(), m.to())).toList();
    return Availability.over(spans, span, maintenance);
  }

  static Availability sum(List<Availability> parts) {
    return parts.stream().reduce(empty(), AvailabilitySection::plus);
  }

  private static Availability empty() {
    return new Availability(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  private static Availability plus(Availability a, Availability b) {
    return new Availability(a.up().plus(b.up()), a.degraded().plus(b.degraded()), a.down().plus(b.down()),
        a.unknown().plus(b.unknown()), a.maintenance().plus(b.maintenance()), a.total().plus(b.total()));
  }

  private static JsonObject target(Target t, Availability a) {
    return json(a).put("id", t.id()).put("kind", t.kind().wireName()).put("district", t.district())
        .put("names", Texts.json(t.name()));
  }

  /** Seconds of each status, and the two ratios (null when undefined). */
  static JsonObject json(Availability a) {
    return new JsonObject()
        .put("upSec", a.up().toSeconds()).put("degradedSec", a.degraded().toSeconds())
        .put("downSec", a.down().toSeconds()).put("unknownSec", a.unknown().toSeconds())
        .put("maintenanceSec", a.maintenance().toSeconds()).put("totalSec", a.total().toSeconds())
        .put("availability", Texts.ratio(a.ratio())).put("availabilityKnown", Texts.ratio(a.knownRatio()));
  }
}
