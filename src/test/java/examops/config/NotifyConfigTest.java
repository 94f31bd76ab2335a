package examops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import examops.testing.Tier;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The notification settings from the environment. Pure. */
@Tier.Unit
class NotifyConfigTest {

  @Test
  @DisplayName("without SMTP host or webhook URL no channel is configured, and the policy has its defaults")
  void defaults() {
    NotifyConfig c = Config.load(Map.of()).notifications();
    assertThat(c.anyChannel()).isFalse();
    assertThat(c.repeatWindow()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.reminderEvery()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.maxAttempts()).isEqualTo(5);
    assertThat(c.quietHours()).isNull();
  }

  @Test
  @DisplayName("SMTP: the TLS mode picks the default port; user and password go together; the password never prints")
  void smtp() {
    NotifyConfig c = Config.load(Map.of("EXAMOPS_SMTP_HOST", "mail.angiang.example", "EXAMOPS_SMTP_FROM", "examops@angiang.example",
        "EXAMOPS_SMTP_TLS", "tls", "EXAMOPS_SMTP_USER", "examops", "EXAMOPS_SMTP_PASSWORD", "hunter2")).notifications();
    assertThat(c.smtp().port()).isEqualTo(465);
    assertThat(c.smtp().tls()).isEqualTo(NotifyConfig.Tls.TLS);
    assertThat(c.toString()).doesNotContain("hunter2");
    assertThat(Config.load(Map.of("EXAMOPS_SMTP_HOST", "h", "EXAMOPS_SMTP_FROM", "a@b")).notifications().smtp().port()).isEqualTo(587);
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_SMTP_HOST", "h", "EXAMOPS_SMTP_FROM", "a@b", "EXAMOPS_SMTP_TLS", "ssl")))
        .hasMessageContaining("EXAMOPS_SMTP_TLS must be off, starttls or tls");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_SMTP_HOST", "h", "EXAMOPS_SMTP_FROM", "a@b", "EXAMOPS_SMTP_USER", "u")))
        .hasMessageContaining("EXAMOPS_SMTP_USER and EXAMOPS_SMTP_PASSWORD go together");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_SMTP_HOST", "h"))).hasMessageContaining("EXAMOPS_SMTP_FROM");
  }

  @Test
  @DisplayName("a webhook needs an http(s) URL and a secret of 16 characters or more; the secret never prints")
  void webhook() {
    NotifyConfig c = Config.load(Map.of("EXAMOPS_WEBHOOK_URL", "https://sms.angiang.example/hook",
        "EXAMOPS_WEBHOOK_SECRET", "0123456789abcdef-secret")).notifications();
    assertThat(c.webhook().url()).isEqualTo("https://sms.angiang.example/hook");
    assertThat(c.toString()).doesNotContain("0123456789abcdef-secret");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_WEBHOOK_URL", "https://sms.example/hook")))
        .hasMessageContaining("EXAMOPS_WEBHOOK_SECRET must be set");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_WEBHOOK_URL", "ftp://x", "EXAMOPS_WEBHOOK_SECRET", "0123456789abcdef")))
        .hasMessageContaining("EXAMOPS_WEBHOOK_URL must be an http:// or https:// address");
  }

  @Test
  @DisplayName("quiet hours may run over midnight; bad values name the variable")
  void policy() {
    NotifyConfig c = Config.load(Map.of("EXAMOPS_NOTIFY_QUIET_HOURS", "22:00-06:00", "EXAMOPS_NOTIFY_REMINDER_EVERY", "PT15M",
        "EXAMOPS_NOTIFY_MAX_ATTEMPTS", "3", "EXAMOPS_NOTIFY_BACKOFF", "PT1S")).notifications();
    assertThat(c.quietHours().contains(LocalTime.of(23, 30))).isTrue();
    assertThat(c.quietHours().contains(LocalTime.of(5, 59))).isTrue();
    assertThat(c.quietHours().contains(LocalTime.of(6, 0))).isFalse();
    assertThat(c.quietHours().contains(LocalTime.of(12, 0))).isFalse();
    assertThat(c.reminderEvery()).isEqualTo(Duration.ofMinutes(15));
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_NOTIFY_QUIET_HOURS", "10pm-6am")))
        .hasMessageContaining("EXAMOPS_NOTIFY_QUIET_HOURS");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_NOTIFY_REPEAT_WINDOW", "30m")))
        .hasMessageContaining("EXAMOPS_NOTIFY_REPEAT_WINDOW must be an ISO-8601 duration");
    assertThatThrownBy(() -> Config.load(Map.of("EXAMOPS_NOTIFY_MAX_ATTEMPTS", "0")))
        .hasMessageContaining("EXAMOPS_NOTIFY_MAX_ATTEMPTS must be a whole number 1-20");
  }
}
