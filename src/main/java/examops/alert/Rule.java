package examops.alert;

import java.time.Instant;
import java.util.List;

/**
 * A rule over one stream's book: what ought to be alarming at {@code now}. Pure: no I/O, no clock of
 * its own. A rule reads only what it is given (its own book, or a narrow reading of a few), never the
 * whole board; the board's rules loop hands each rule its input.
 *
 * @param <B> what the rule reads
 */
public interface Rule<B> {

  /** The rule's name, the prefix of its alerts' ids. */
  String name();

  List<AlertCondition> evaluate(B input, Instant now);
}
