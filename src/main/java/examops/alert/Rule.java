package examops.alert;

import examops.board.BoardState;
import java.time.Instant;
import java.util.List;

/** A rule over the board: what ought to be alarming at {@code now}. Pure: no I/O, no clock of its own. */
public interface Rule {

  /** The rule's name, the prefix of its alerts' ids. */
  String name();

  List<AlertCondition> evaluate(BoardState state, Instant now);
}
