package examops.report;

import examops.board.BoardState;
import examops.checkin.CheckIn;
import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The log folded for a report: a fresh {@link BoardState} (the same reducer as the board) plus what
 * the board does not keep: every check-in's time and every alert raised. Only events whose
 * {@code at} is before the period's end are applied, so a report for one day knows nothing of the
 * next; earlier events are applied too, since they set the state the period starts from.
 */
public final class ReportLedger {

  /** An alert as raised, for counting by rule. */
  public record RaisedAlert(Instant at, String rule, String severity, String district) {}

  private final BoardState state;
  private final Instant to;
  private final Map<String, List<Instant>> checkins = new HashMap<>();
  private final List<RaisedAlert> alerts = new ArrayList<>();
  private long applied;
  private long outside;

  public ReportLedger(Province province, Instant to) {
    this.state = new BoardState(province);
    this.to = to;
  }

  public void apply(Event e) {
    if (!e.atInstant().isBefore(to)) {
      outside++;
      return;
    }
    if (!state.apply(e, new HashSet<>())) return; // a duplicate, or a move its lifecycle refuses
    applied++;
    if (e.type() == EventType.CHECKIN_SUBMITTED) {
      checkins.computeIfAbsent(e.district(), k -> new ArrayList<>()).add(CheckIn.from(e).countsAt());
    } else if (e.type() == EventType.ALERT_RAISED) {
      alerts.add(new RaisedAlert(e.atInstant(), e.data().getString("rule"), e.data().getString("severity"), e.district()));
    }
  }

  public BoardState state() {
    return state;
  }

  /** A district's check-in times (sites included, as on the board), in time order. */
  public List<Instant> checkins(String district) {
    List<Instant> times = new ArrayList<>(checkins.getOrDefault(district, List.of()));
    times.sort(null);
    return times;
  }

  public List<RaisedAlert> alerts() {
    return List.copyOf(alerts);
  }

  /** Events applied to the state. */
  public long applied() {
    return applied;
  }

  /** Events left out because they happened at or after the period's end. */
  public long outside() {
    return outside;
  }
}
