package examops.notify;

import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import java.time.Instant;

/**
 * Something worth calling people about: an active alert, or a critical incident as it is reported.
 *
 * @param id the alert id (or {@code incident-critical:<incident>:<epoch>}): it already captures the onset
 * @param district the district concerned, or null for provincial subjects
 * @param category the incident class it belongs to, or null when it has none
 * @param messageEn the message in English, or null
 * @param raisedAt its onset on the exam clock
 * @param remindable true when it should be called out again while unresolved (critical, unacknowledged alerts)
 */
public record Notice(String id, String rule, String subject, String district, Severity severity,
    IncidentCategory category, String message, String messageEn, Instant raisedAt, boolean remindable) {

  /** The rule name under which critical incidents are notified as they are reported. */
  public static final String INCIDENT_CRITICAL = "incident-critical";
}
