package examops.province;

import examops.incident.IncidentCategory;
import java.util.List;

/**
 * Someone to call.
 *
 * @param district the district they answer for, or null for provincial contacts
 * @param categories the incident categories they handle (empty: none in particular)
 * @param feedback true for the Department's public feedback contacts (foot of the notice)
 * @param sample true when the name, phone and email are illustrative
 */
public record Contact(
    String id,
    LocalizedText name,
    LocalizedText role,
    String district,
    List<IncidentCategory> categories,
    String phone,
    String email,
    boolean feedback,
    boolean sample) {

  public Contact {
    categories = List.copyOf(categories);
  }
}
