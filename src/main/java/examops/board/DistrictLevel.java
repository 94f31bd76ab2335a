package examops.board;

import examops.checkin.CheckIn;
import examops.checkin.CheckinState;
import examops.province.TargetKind;
import examops.vocabulary.CheckinCondition;
import examops.vocabulary.HealthStatus;
import examops.vocabulary.LinkState;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A district's level ({@code districts[].worst}): the worst of its check-in, its last report, its open
 * incidents, its exam sites' links and their own check-in duties, and its late publishing. The screens
 * colour a district's tile by the same rule ({@code verdict().level} in {@code webroot/js/verdict.js});
 * {@code webroot/test/verdict.test.mjs} checks that both give the same level for every district of the
 * generated snapshots. A need-to-know incident counts as an open incident (warning) whatever its
 * severity, as the screens without the right to see it count it: the value is the same for every audience.
 *
 * @param checkinState the district's own check-in state against its cadence
 * @param last its last check-in, or null
 * @param openIncidents its open incidents: critical ones (that every audience sees), then the count of all
 * @param siteLinks the statuses of its exam sites' phone, line, fax and internet targets
 * @param siteDuties the states of its sites' own check-in duties, as {@code districts[].siteDuties[].state}
 * @param latePublishing its checklist items past due and not done
 * @param inWindow whether the clock is inside the exam window (late publishing counts only then)
 */
record DistrictLevel(
    CheckinState checkinState,
    CheckIn last,
    long criticalIncidents,
    long openIncidents,
    Collection<HealthStatus> siteLinks,
    Collection<String> siteDuties,
    int latePublishing,
    boolean inWindow) {

  /** The target kinds that are an exam site's links (the tile's phone, fax and internet). */
  static final Set<TargetKind> LINK_KINDS = EnumSet.of(TargetKind.PHONE, TargetKind.LINE, TargetKind.FAX, TargetKind.INTERNET);

  /** {@code critical}, {@code warning}, {@code unknown} or {@code ok}. */
  String level() {
    if (critical()) return "critical";
    if (warning()) return "warning";
    if (last == null && checkinState != CheckinState.ON_TIME) return "unknown";
    return "ok";
  }

  private boolean critical() {
    return checkinState == CheckinState.MISSED
        || (last != null && last.status() == CheckinCondition.CRITICAL)
        || criticalIncidents > 0
        || siteLinks.contains(HealthStatus.DOWN)
        || siteDuties.contains("missed");
  }

  private boolean warning() {
    return checkinState == CheckinState.LATE
        || (last != null && (last.status() == CheckinCondition.ISSUE || saidTrouble(last.phone()) || saidTrouble(last.fax())
            || saidTrouble(last.internet())))
        || openIncidents > 0
        || siteLinks.contains(HealthStatus.DEGRADED)
        || siteDuties.contains("late")
        || (latePublishing > 0 && inWindow);
  }

  private static boolean saidTrouble(LinkState link) {
    return link == LinkState.DOWN || link == LinkState.SLOW;
  }
}
