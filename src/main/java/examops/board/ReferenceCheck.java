package examops.board;

import examops.event.Event;
import examops.event.Payload;
import examops.province.Province;
import java.util.List;
import java.util.Optional;

/**
 * Checks that what an event names exists in the province data: its district, target, checklist
 * item. Used on ingest (422) and on records read from Kafka (dead-lettered).
 */
public final class ReferenceCheck {

  private final Province province;

  public ReferenceCheck(Province province) {
    this.province = province;
  }

  /** A name the event uses that the province data does not have: the field at fault, and a message that starts with it. */
  public record Unknown(String field, String message) {

    static Unknown of(String field, String what) {
      return new Unknown(field, field + ": " + what);
    }
  }

  /** What the event names that does not exist, as a message that starts with the field, or empty. */
  public Optional<String> problem(Event e) {
    return unknown(e).map(Unknown::message);
  }

  /** What the event names that does not exist, or empty. */
  public Optional<Unknown> unknown(Event e) {
    if (e.district() != null && province.district(e.district()).isEmpty()) {
      return Optional.of(Unknown.of("district", "unknown district '" + e.district() + "'"));
    }
    return switch (e.type()) {
      case PROBE_RESULT -> targetProblem(e.as(Payload.ProbeResult.class).target());
      case MAINTENANCE_DECLARED -> unknownTarget(e.as(Payload.MaintenanceDeclared.class).targets());
      case PUBLISHING_UPDATED -> publishingProblem(e, e.as(Payload.PublishingUpdated.class));
      case CHECKIN_SUBMITTED -> siteProblem(e, e.as(Payload.CheckinSubmitted.class).site());
      case UNIT_REPORT_SUBMITTED -> unitProblem(e, e.as(Payload.UnitReportSubmitted.class).unit());
      case INCIDENT_REPORTED -> {
        Payload.IncidentReported r = e.as(Payload.IncidentReported.class);
        yield siteProblem(e, r.site()).or(() -> unknownTarget(r.targets()));
      }
      default -> Optional.empty();
    };
  }

  private Optional<Unknown> targetProblem(String id) {
    return province.target(id).isPresent() ? Optional.empty() : Optional.of(Unknown.of("data.target", "unknown target '" + id + "'"));
  }

  private Optional<Unknown> unknownTarget(List<String> ids) {
    return ids.stream().filter(id -> province.target(id).isEmpty()).findFirst()
        .map(id -> Unknown.of("data.targets", "unknown target '" + id + "'"));
  }

  /** A site named must be one of the district's exam sites. */
  private Optional<Unknown> siteProblem(Event e, String site) {
    if (site == null) return Optional.empty();
    var found = province.site(site);
    if (found.isEmpty()) return Optional.of(Unknown.of("data.site", "unknown exam site '" + site + "'"));
    if (e.district() != null && !e.district().equals(found.get().district())) {
      return Optional.of(Unknown.of("data.site", "exam site '" + site + "' is in " + found.get().district() + ", not " + e.district()));
    }
    return Optional.empty();
  }

  /**
   * A unit report names a district unit (then the envelope's district is the same) or a provincial
   * department of the province file (then no district).
   */
  private Optional<Unknown> unitProblem(Event e, String unit) {
    var found = examops.unitreport.ReportingUnit.find(province, unit);
    if (found.isEmpty()) return Optional.of(Unknown.of("data.unit", "unknown unit '" + unit + "' (neither a district nor a department of the province data)"));
    String district = found.get().district();
    if (district != null && !district.equals(e.district())) {
      return Optional.of(Unknown.of("district", "the report of district unit " + unit + " is written for district " + unit
          + (e.district() == null ? "; name it" : ", not " + e.district())));
    }
    if (district == null && e.district() != null) {
      return Optional.of(Unknown.of("district", "the report of department " + unit + " is province-wide; leave district out"));
    }
    return Optional.empty();
  }

  private Optional<Unknown> publishingProblem(Event e, Payload.PublishingUpdated p) {
    String channel = p.channel().wireName();
    String item = p.item();
    var entry = province.publishingItem(p.channel(), item);
    if (entry.isEmpty()) return Optional.of(Unknown.of("data.item", "no checklist item '" + item + "' on channel " + channel));
    if (entry.get().perDistrict() && e.district() == null) {
      return Optional.of(Unknown.of("district", "checklist item " + channel + ":" + item + " is tracked per district; name the district"));
    }
    if (!entry.get().perDistrict() && e.district() != null) {
      return Optional.of(Unknown.of("district", "checklist item " + channel + ":" + item + " is province-wide; leave district out"));
    }
    return Optional.empty();
  }
}
