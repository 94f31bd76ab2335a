package examops.notify;

import examops.province.Contact;
import examops.province.Province;
import examops.vocabulary.Severity;
import java.util.List;

/**
 * Who is told about a notice, from the province's contacts: leadership hears of everything
 * critical; otherwise (at or above a contact's least severity) a contact hears of the alert rules
 * they follow, of their own district, and, if provincial or of the same district, of the incident
 * classes they handle. Pure.
 */
public final class Router {

  private final List<Contact> contacts;

  public Router(Province province) {
    this.contacts = province.contacts();
  }

  public List<Contact> recipients(Notice n) {
    return contacts.stream().filter(c -> receives(c, n)).toList();
  }

  static boolean receives(Contact c, Notice n) {
    if (c.leadership() && n.severity() == Severity.CRITICAL) return true;
    if (!c.wants(n.severity())) return false;
    if (c.rules().contains(n.rule())) return true;
    if (n.district() != null && n.district().equals(c.district())) return true;
    return n.category() != null && c.categories().contains(n.category())
        && (c.district() == null || c.district().equals(n.district()));
  }
}
