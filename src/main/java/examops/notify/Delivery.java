package examops.notify;

import examops.province.Contact;
import examops.vocabulary.DeliveryChannel;

/**
 * One notification to deliver: a notice, to one contact, over one channel, at onset ({@code reminder}
 * 0) or as the N-th reminder, with its words already written.
 *
 * @param firstAttempt the attempt to start at: above 1 when a delivery interrupted by a restart resumes
 */
public record Delivery(String id, Notice notice, Contact contact, DeliveryChannel channel, int reminder,
    String text, String subject, String body, int firstAttempt) {

  /** Where it goes: the contact's email, or their phone for the webhook's SMS gateway. */
  public String address() {
    return channel == DeliveryChannel.EMAIL ? contact.email() : contact.phone();
  }
}
