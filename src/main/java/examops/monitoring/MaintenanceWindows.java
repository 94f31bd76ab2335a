package examops.monitoring;

import examops.province.MaintenanceWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What may be read of the maintenance windows ({@link MaintenanceBook}): nothing here changes them. */
public interface MaintenanceWindows {

  /** The windows covering a target at an instant. */
  List<MaintenanceWindow> covering(String targetId, Instant t);

  List<MaintenanceBook.Window> all();

  Optional<MaintenanceBook.Window> get(String id);
}
