package examops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import examops.vocabulary.IncidentCategory;
import examops.vocabulary.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tier.Unit
class IncidentTest {

  private static final Instant T0 = Instant.parse("2020-08-09T00:30:00Z");

  private static Instant m(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static Incident reported() {
    return Incident.report("inc-1", "Portal defaced", Severity.CRITICAL, IncidentCategory.SECURITY,
        "long-xuyen", null, List.of("long-xuyen/portal"), "district:long-xuyen", T0);
  }

  private static Incident ok(Incident i, IncidentAction a, int minute) {
    IncidentResult r = i.apply(a, m(minute), a == IncidentAction.ASSIGN ? "csirt" : null, null);
    assertThat(r).isInstanceOf(IncidentResult.Applied.class);
    return ((IncidentResult.Applied) r).incident();
  }

  /** An incident brought to each state by legal moves. */
  private static Incident in(IncidentState state) {
    Incident i = reported();
    return switch (state) {
      case REPORTED -> i;
      case ACKNOWLEDGED -> ok(i, IncidentAction.ACKNOWLEDGE, 1);
      case ASSIGNED -> ok(ok(i, IncidentAction.ACKNOWLEDGE, 1), IncidentAction.ASSIGN, 2);
      case RESOLVED -> ok(ok(i, IncidentAction.ACKNOWLEDGE, 1), IncidentAction.RESOLVE, 3);
    };
  }

  static Stream<Arguments> illegalMoves() {
    List<Arguments> out = new ArrayList<>();
    for (IncidentState s : IncidentState.values()) {
      for (IncidentAction a : IncidentAction.values()) {
        if (a == IncidentAction.REPORT || IncidentTransitions.next(s, a).isEmpty()) out.add(Arguments.of(s, a));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{1} on a {0} incident")
  @MethodSource("illegalMoves")
  @DisplayName("every move outside the table is rejected with the current state")
  void illegal(IncidentState state, IncidentAction action) {
    IncidentResult r = in(state).apply(action, m(10), "someone", null);
    assertThat(r).isInstanceOfSatisfying(IncidentResult.Rejected.class, rej -> {
      assertThat(rej.current()).isEqualTo(state);
      assertThat(rej.message()).contains("cannot " + action.wireName()).contains("it is " + state.wireName());
    });
  }

  @Test
  @DisplayName("the table has the expected legal moves and no more")
  void legalCount() {
    assertThat(illegalMoves().count()).isEqualTo(4L * 7 - 13);
  }

  @Test
  @DisplayName("resolving an unacknowledged incident is refused and says to acknowledge it")
  void resolveNeedsAck() {
    IncidentResult r = reported().apply(IncidentAction.RESOLVE, m(5), null, null);
    assertThat(((IncidentResult.Rejected) r).message())
        .isEqualTo("cannot resolve incident \"inc-1\": it is reported (allowed: acknowledge, assign, update, escalate)");
  }

  @Test
  @DisplayName("time to acknowledge and time to resolve are measured from the report")
  void durations() {
    Incident i = ok(ok(ok(reported(), IncidentAction.ACKNOWLEDGE, 4), IncidentAction.ASSIGN, 6), IncidentAction.RESOLVE, 45);
    assertThat(i.timeToAcknowledge()).contains(Duration.ofMinutes(4));
    assertThat(i.timeToResolve()).contains(Duration.ofMinutes(45));
    assertThat(i.assignee()).isEqualTo("csirt");
    assertThat(i.age(m(100))).isEqualTo(Duration.ofMinutes(45));
  }

  @Test
  @DisplayName("assigning a reported incident acknowledges it")
  void assignAcknowledges() {
    Incident i = ok(reported(), IncidentAction.ASSIGN, 3);
    assertThat(i.state()).isEqualTo(IncidentState.ASSIGNED);
    assertThat(i.timeToAcknowledge()).contains(Duration.ofMinutes(3));
    assertThat(i.unacknowledgedFor(m(10))).isEmpty();
  }

  @Test
  @DisplayName("a reopened incident waits for acknowledgement again from the reopen, keeping its first acknowledgement")
  void reopen() {
    Incident i = ok(in(IncidentState.RESOLVED), IncidentAction.REOPEN, 20);
    assertThat(i.state()).isEqualTo(IncidentState.REPORTED);
    assertThat(i.unacknowledgedFor(m(25))).contains(Duration.ofMinutes(5));
    assertThat(i.timeToAcknowledge()).contains(Duration.ofMinutes(1));
    assertThat(i.timeToResolve()).isEmpty();
    assertThat(i.open()).isTrue();
  }

  @Test
  @DisplayName("an unacknowledged incident can be escalated, counting escalations and raising severity")
  void escalate() {
    Incident low = Incident.report("inc-2", "Slow portal", Severity.MEDIUM, IncidentCategory.OUTAGE,
        null, null, List.of(), "command", T0);
    IncidentResult r = low.apply(IncidentAction.ESCALATE, m(15), null, Severity.HIGH);
    Incident i = ((IncidentResult.Applied) r).incident();
    assertThat(i).extracting(Incident::state, Incident::severity, Incident::escalations)
        .containsExactly(IncidentState.REPORTED, Severity.HIGH, 1);
    assertThat(i.unacknowledgedFor(m(15))).contains(Duration.ofMinutes(15));
  }
}
