package examops.notify;

import examops.alert.Alert;
import examops.board.BoardReading;
import examops.incident.Incident;
import examops.incident.IncidentState;
import examops.incident.UnacknowledgedIncidentRule;
import examops.monitoring.TargetDownRule;
import examops.province.Province;
import examops.province.Target;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the board says is worth telling people now: active, unacknowledged alerts (none about a
 * target under maintenance) and open critical incidents. Pure.
 */
public final class Notices {

  private final Province province;

  public Notices(Province province) {
    this.province = province;
  }

  public List<Notice> from(BoardReading state, Instant now) {
    List<Notice> out = new ArrayList<>();
    for (Alert a : state.alerts().active()) {
      if (a.acknowledgedAt() != null) continue; // someone is on it
      if (TargetDownRule.NAME.equals(a.rule()) && !state.maintenance().covering(a.subject(), now).isEmpty()) continue;
      Severity severity = a.severity();
      out.add(new Notice(a.id(), a.rule(), a.subject(), a.district(), severity, category(state, a), a.message(),
          a.messageEn(), a.raisedAt(), severity == Severity.CRITICAL));
    }
    for (Incident i : state.incidents().all()) {
      if (i.severity() != Severity.CRITICAL || i.state() == IncidentState.RESOLVED) continue;
      out.add(new Notice(Notice.INCIDENT_CRITICAL + ":" + i.id() + ":" + i.reportedAt().getEpochSecond(),
          Notice.INCIDENT_CRITICAL, i.id(), i.district(), Severity.CRITICAL, i.category(),
          "Sự cố nghiêm trọng: " + i.title(), "Critical incident: " + i.title(), i.reportedAt(), false));
    }
    return out;
  }

  /** The incident class an alert belongs to: its incident's, or outage / network for a target. */
  private IncidentCategory category(BoardReading state, Alert a) {
    if (UnacknowledgedIncidentRule.NAME.equals(a.rule())) {
      return state.incidents().get(a.subject()).map(Incident::category).orElse(null);
    }
    if (TargetDownRule.NAME.equals(a.rule())) {
      return province.target(a.subject()).map(Target::kind)
          .map(k -> k.isSiteLink() ? IncidentCategory.NETWORK : IncidentCategory.OUTAGE).orElse(null);
    }
    return null;
  }
}
