package examops.incident;

import java.util.Collection;
import java.util.Optional;

/** What may be read of the incidents ({@link IncidentBook}): nothing here changes them. */
public interface Incidents {

  Optional<Incident> get(String id);

  /** Every incident (a view that cannot be changed). */
  Collection<Incident> all();
}
