package examops.board;

import examops.alert.Alerts;
import examops.checkin.CheckIns;
import examops.incident.Incidents;
import examops.monitoring.MaintenanceWindows;
import examops.monitoring.Targets;
import examops.notification.Notifications;
import examops.publishing.PublishingProgress;
import examops.unitreport.UnitReports;

/**
 * The board as those who plan from it read it (the rules loop, the notifier): each book by its
 * reading interface, so a planner can look but not change anything. {@link BoardState} is one;
 * {@link Board#plan} hands planners {@link BoardState#reading()}, which is nothing else.
 */
public interface BoardReading {

  /** The districts' check-ins (and those of sites without a duty of their own). */
  CheckIns checkins();

  /** The sites' own check-ins, by site id. */
  CheckIns siteCheckins();

  Targets targets();

  MaintenanceWindows maintenance();

  Incidents incidents();

  PublishingProgress publishing();

  UnitReports unitReports();

  Alerts alerts();

  Notifications notifications();
}
