package examops.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import examops.vocabulary.PublishingState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Tier.Unit
class PublishingTest {

  private static final Instant DUE = Instant.parse("2020-08-06T10:00:00Z"); // 17:00 +07:00

  private static PublishingStatus ok(PublishingResult r) {
    assertThat(r).isInstanceOf(PublishingResult.Applied.class);
    return ((PublishingResult.Applied) r).status();
  }

  private static PublishingStatus doneAt(Instant at) {
    return ok(PublishingStatus.notStarted().apply(PublishingState.DONE, "https://example/broadcast", "district:an-phu", at));
  }

  @Test
  @DisplayName("not done one second before due is not late; one second after it is late and missing")
  void dueBoundary() {
    PublishingStatus s = PublishingStatus.notStarted();
    assertThat(PublishingStanding.evaluate(s, DUE, DUE).late()).isFalse();
    assertThat(PublishingStanding.evaluate(s, DUE, DUE.minusSeconds(1)).late()).isFalse();
    PublishingStanding after = PublishingStanding.evaluate(s, DUE, DUE.plusSeconds(1));
    assertThat(after).extracting(PublishingStanding::late, PublishingStanding::missing, PublishingStanding::lateBy)
        .containsExactly(true, true, Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("an item done before due stays on time however late it is verified, and completes only when verified")
  void verifiedLater() {
    PublishingStatus done = doneAt(DUE.minusSeconds(60));
    PublishingStanding claimed = PublishingStanding.evaluate(done, DUE, DUE.plusSeconds(3600));
    assertThat(claimed).extracting(PublishingStanding::late, PublishingStanding::complete, PublishingStanding::awaitingVerification)
        .containsExactly(false, false, true);
    PublishingStatus verified = ok(done.apply(PublishingState.VERIFIED, null, "command:trucban", DUE.plusSeconds(7200)));
    assertThat(PublishingStanding.evaluate(verified, DUE, DUE.plusSeconds(7200)))
        .extracting(PublishingStanding::complete, PublishingStanding::late).containsExactly(true, false);
    assertThat(verified.verifiedBy()).isEqualTo("command:trucban");
  }

  @Test
  @DisplayName("an item done after its due time is late by the claim's delay, even once verified")
  void doneLate() {
    PublishingStatus verified = ok(doneAt(DUE.plusSeconds(600)).apply(PublishingState.VERIFIED, null, "command", DUE.plusSeconds(900)));
    assertThat(PublishingStanding.evaluate(verified, DUE, DUE.plusSeconds(9999)))
        .extracting(PublishingStanding::late, PublishingStanding::lateBy, PublishingStanding::complete)
        .containsExactly(true, Duration.ofMinutes(10), true);
  }

  @Test
  @DisplayName("only a done item can be verified; the refusal says the current state")
  void verifyNeedsDone() {
    PublishingStatus inProgress = ok(PublishingStatus.notStarted().apply(PublishingState.IN_PROGRESS, null, "d", DUE));
    PublishingResult r = inProgress.apply(PublishingState.VERIFIED, null, "command", DUE);
    assertThat(r).isInstanceOfSatisfying(PublishingResult.Rejected.class, rej -> {
      assertThat(rej.current()).isEqualTo(PublishingState.IN_PROGRESS);
      assertThat(rej.message()).contains("it is in-progress");
    });
  }

  @Test
  @DisplayName("marking done without any evidence is refused")
  void doneNeedsEvidence() {
    assertThat(PublishingStatus.notStarted().apply(PublishingState.DONE, " ", "d", DUE))
        .isInstanceOfSatisfying(PublishingResult.Rejected.class, rej -> assertThat(rej.message()).contains("evidence"));
  }

  @Test
  @DisplayName("a district changing a verified item withdraws the verification")
  void changeWithdrawsVerification() {
    PublishingStatus verified = ok(doneAt(DUE.minusSeconds(60)).apply(PublishingState.VERIFIED, null, "command", DUE));
    PublishingStatus reopened = ok(verified.apply(PublishingState.IN_PROGRESS, null, "district:an-phu", DUE.plusSeconds(60)));
    assertThat(reopened).extracting(PublishingStatus::state, PublishingStatus::verifiedAt, PublishingStatus::doneAt)
        .containsExactly(PublishingState.IN_PROGRESS, null, null);
    assertThat(reopened.evidence()).isEqualTo("https://example/broadcast");
  }

  @Test
  @DisplayName("re-submitting a done item with new evidence keeps the first claim's time")
  void resubmitKeepsFirstClaim() {
    PublishingStatus again = ok(doneAt(DUE.minusSeconds(60)).apply(PublishingState.DONE, "note: re-aired at 18:00", "d", DUE.plusSeconds(60)));
    assertThat(again.doneAt()).isEqualTo(DUE.minusSeconds(60));
    assertThat(again.evidence()).isEqualTo("note: re-aired at 18:00");
  }
}
