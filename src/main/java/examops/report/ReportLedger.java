package examops.report;

import examops.alert.AlertBook;
import examops.board.BoardState;
import examops.event.Event;
import examops.province.Province;
import java.time.Instant;
import java.util.List;

/**
 * The log folded for a report: a {@link BoardState} (the same reducer as the board, which also keeps
 * every check-in's time and every alert raised) holding every event whose {@code at} is before the
 * period's end, so a report for one day knows nothing of the next; earlier events are in it too,
 * since they set the state the period starts from.
 *
 * <p>Built either by folding the log ({@link #apply}), or at once from a board state that holds
 * nothing at or after the end ({@link #of}): the latter is how a report costs the same whatever the
 * log's length.
 */
public final class ReportLedger {

  private final BoardState state;
  private final Instant to;
  private long applied;
  private long outside;

  public ReportLedger(Province province, Instant to) {
    this(new BoardState(province), to);
  }

  private ReportLedger(BoardState state, Instant to) {
    this.state = state;
    this.to = to;
  }

  /**
   * A ledger over a state that already holds every event of the log up to now; empty when some
   * event in it happened at or after {@code to} (then the log must be folded with {@link #apply}).
   */
  public static java.util.Optional<ReportLedger> of(BoardState state, Instant to) {
    if (state.latestAt() != null && !state.latestAt().isBefore(to)) return java.util.Optional.empty();
    ReportLedger ledger = new ReportLedger(state, to);
    ledger.applied = state.version();
    return java.util.Optional.of(ledger);
  }

  public void apply(Event e) {
    if (!e.atInstant().isBefore(to)) {
      outside++;
      return;
    }
    if (state.apply(e, new java.util.HashSet<>())) applied++; // else a duplicate, or a move its lifecycle refuses
  }

  public BoardState state() {
    return state;
  }

  /** A district's own check-in times (and those of its sites without a duty of their own), as bursts in time order. */
  public List<examops.checkin.CheckInBook.Burst> checkins(String district) {
    return state.checkins().times(district);
  }

  /** A site's own check-in times (a site with a duty of its own), as bursts in time order. */
  public List<examops.checkin.CheckInBook.Burst> siteCheckins(String site) {
    return state.siteCheckins().times(site);
  }

  /** Every alert raised, in time order. */
  public List<AlertBook.Raised> alerts() {
    return state.alerts().raised();
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
