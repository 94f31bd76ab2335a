package examops.alert;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What may be read of the alerts ({@link AlertBook}): nothing here changes them. */
public interface Alerts {

  Optional<Alert> get(String id);

  /** The active alerts (a view that cannot be changed). */
  Collection<Alert> active();

  /** How many times this alert has been cleared before: the generation of its next raise. */
  int clearings(String id);

  /** Every alert raised, in time order. */
  List<AlertBook.Raised> raised();
}
