package examops.browser;

import static org.assertj.core.api.Assertions.assertThat;

import examops.testing.Tier;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The board's notifications panel and the latency sparklines on its service tiles. */
@Tier.Browser
class NotificationsPanelTest extends FakeBoardPageTest {

    @Test
    @DisplayName("what was sent to whom: retries first with their next try, a failed delivery in red with its error, the counts in the head")
    void notifications() {
        // The snapshot's three: sent by email at 08:09, failed for good at 08:11, retrying since 08:05.
        open(FakeBoardServer.sampleState());
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#notification-list .note")).size() == 3);
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#notification-list .note"));
        assertThat(rows).extracting(r -> r.getAttribute("class")).containsExactly("note note-retrying", "note note-failed", "note note-sent");
        assertThat(rows.get(1).findElement(By.cssSelector(".n-status")).getText()).isEqualTo("THẤT BẠI");
        assertThat(rows.get(1).findElement(By.cssSelector(".n-to")).getText()).isEqualTo("Phòng VH-TT Tri Tôn");
        assertThat(rows.get(1).findElement(By.cssSelector(".n-channel")).getText()).isEqualTo("SMS");
        assertThat(rows.get(1).getCssValue("border-left-color")).as("var(--crit)").isEqualTo("rgba(240, 68, 56, 1)");
        assertThat(rows.get(1).getAttribute("title")).contains("không gửi được sau 5 lần: HTTP 500 from the webhook");
        assertThat(rows.get(0).getAttribute("title")).contains("lần 2 không được, thử lại lúc 08:06", "connection refused");
        assertThat(rows.get(2).findElement(By.cssSelector(".n-channel")).getText()).isEqualTo("Email");
        assertThat(text("#notification-counts")).isEqualTo("1 đã gửi · 1 đang thử lại · 1 thất bại");
        browser.screenshot("board-notifications-1920x1080");

        browser.viewport(390, 844);
        browser.js("document.querySelector('.panel-notifications').scrollIntoView()");
        browser.waitUntil(WAIT, d -> d.findElement(By.cssSelector(".note-failed .n-detail")).isDisplayed());
        assertThat(text(".note-failed .n-detail")).isEqualTo("không gửi được sau 5 lần: HTTP 500 from the webhook");
        browser.screenshot("board-notifications-390x844");
    }

    @Test
    @DisplayName("with nothing sent the panel says so; a new delivery arrives by delta")
    void emptyThenDelta() {
        open(FakeBoardServer.sampleState().put("notifications", new JsonObject()));
        browser.waitUntil(WAIT, d -> text("#notification-empty").equals("Chưa gửi thông báo nào"));
        feed.delta(feed.version(), feed.version() + 1, new JsonObject().put("section", "notifications").put("id", "n1")
                .put("value", note("n1", "2020-08-09T08:20:00+07:00", "sent", "webhook", "Đội ứng cứu", 1, null, null)));
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("#notification-list .note-sent")).size() == 1);
        assertThat(text("#notification-empty")).isEmpty();
    }

    @Test
    @DisplayName("each service tile draws its latency, one sample per exam-clock minute, the newest last")
    void sparklines() {
        open(FakeBoardServer.sampleState());
        String canvas = "#service-grid .service[data-id='province/data-center'] .s-spark canvas";
        browser.waitUntil(WAIT, d -> !d.findElements(By.cssSelector(canvas)).isEmpty() && chartData(canvas) != null);
        assertThat(chartData(canvas)).containsExactly(12L);
        JsonObject target = FakeBoardServer.sampleState().getJsonObject("targets").getJsonObject("province/data-center").copy().put("latencyMs", 80);
        feed.broadcast(new JsonObject().put("type", "heartbeat").put("version", feed.version())
                .put("now", "2020-08-09T08:30:00+07:00").put("stale", false));
        feed.delta(feed.version(), feed.version() + 1, new JsonObject().put("section", "targets").put("id", "province/data-center").put("value", target));
        browser.waitUntil(WAIT, d -> chartData(canvas).size() == 2);
        assertThat(chartData(canvas)).containsExactly(12L, 80L);
        assertThat(text("#service-grid .service[data-id='province/data-center'] .s-latency")).isEqualTo("80 ms");
    }

    @SuppressWarnings("unchecked")
    private List<Object> chartData(String canvasCss) {
        return (List<Object>) browser.js("const c = document.querySelector(arguments[0]);"
                + " const chart = c && window.Chart && window.Chart.getChart(c);"
                + " return chart ? chart.data.datasets[0].data.slice() : null;", canvasCss);
    }

    private static JsonObject note(String id, String at, String status, String channel, String to, int attempts, String error,
            String next) {
        return new JsonObject().put("id", id).put("alertId", "a:" + id).put("rule", "target-down").put("subject", "province/portal")
                .put("severity", "critical").put("channel", channel).put("recipient", "c-" + id).put("recipientName", to)
                .put("reminder", 0).put("status", status).put("attempts", attempts).put("error", error).put("at", at)
                .put("nextAttemptAt", next).put("text", "[ExamOps] NGHIÊM TRỌNG: Cổng thông tin điện tử tỉnh mất kết nối");
    }
}
