package examops.checkin;

import java.util.List;
import java.util.Optional;

/** What may be read of a book of check-ins ({@link CheckInBook}), by unit: nothing here changes it. */
public interface CheckIns {

  Optional<CheckIn> latest(String unit);

  /** The latest check-ins, newest first. */
  List<CheckIn> history(String unit);

  /** When the unit's check-ins count, as bursts in time order. */
  List<CheckInBook.Burst> times(String unit);
}
