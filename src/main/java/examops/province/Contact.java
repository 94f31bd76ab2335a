package examops.province;

import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import java.util.List;

/**
 * Someone to call.
 *
 * @param district the district they answer for, or null for provincial contacts
 * @param categories the incident categories they handle (empty: none in particular)
 * @param feedback true for the Department's public feedback contacts (foot of the notice)
 * @param sample true when the name, phone and email are illustrative
 * @param leadership true for the Department's leadership and the Steering Committee: they are told
 *     of every critical alert and incident, wherever it is
 * @param rules alert rules this contact is told about wherever they fire (e.g. the duty officer)
 * @param minSeverity the least severe alert this contact is told about (null: all)
 * @param language the language of their notifications, "vi" (the default) or "en"
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
    boolean sample,
    boolean leadership,
    List<String> rules,
    Severity minSeverity,
    String language) {

  public Contact {
    categories = List.copyOf(categories);
    rules = rules == null ? List.of() : List.copyOf(rules);
    language = language == null ? "vi" : language;
  }

  /** A contact with no notification preferences: told what their district and categories call for, in Vietnamese. */
  public Contact(String id, LocalizedText name, LocalizedText role, String district, List<IncidentCategory> categories,
      String phone, String email, boolean feedback, boolean sample) {
    this(id, name, role, district, categories, phone, email, feedback, sample, false, List.of(), null, "vi");
  }

  /** Whether an alert of this severity is severe enough for this contact. */
  public boolean wants(Severity severity) {
    return minSeverity == null || severity.compareTo(minSeverity) <= 0;
  }
}
