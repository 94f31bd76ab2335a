package examops.alert;

import examops.vocabulary.Severity;
import java.time.Instant;

/**
 * A condition a rule sees right now that deserves an alert. Its id is derived from the state (the
 * rule, the subject and the onset), so every node and every lease holder names the same alert the
 * same way, and the alert is raised once however often the rule is evaluated.
 *
 * @param district the district concerned, or null for provincial subjects
 */
public record AlertCondition(String alertId, String rule, String subject, String district, Severity severity,
    String message, String messageEn, Instant onset) {

  /** {@code rule:subject:onset-epoch-seconds}, with the subject's slashes as dots so the id is one URL path segment. */
  public static String id(String rule, String subject, Instant onset) {
    return rule + ":" + subject.replace('/', '.') + ":" + onset.getEpochSecond();
  }
}
