package examops.notify;

import examops.vocabulary.DeliveryChannel;
import io.vertx.core.Future;

/** One channel's way out. A succeeded future means the far end accepted the notification. */
interface Sender {

  DeliveryChannel channel();

  Future<Void> send(Delivery d);

  Future<Void> close();
}
