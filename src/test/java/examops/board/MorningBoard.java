package examops.board;

import examops.event.Event;
import examops.event.EventType;
import examops.province.Province;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;

/** A board fed check-ins on the Literature morning (9 August 2020, province time), and a district as BoardView shows it then. */
final class MorningBoard {

  final BoardState state;
  final BoardView view;

  MorningBoard(Province province) {
    this.state = new BoardState(province);
    this.view = new BoardView(province);
  }

  /** A check-in sent at {@code hhmm}: the district unit's ({@code site} null) or a site's (its own source). */
  void checkIn(String id, String district, String site, String hhmm, String status, String fax) {
    OffsetDateTime t = OffsetDateTime.parse("2020-08-09T" + hhmm + ":00+07:00");
    JsonObject data = new JsonObject().put("status", status).put("phone", "ok").put("fax", fax).put("internet", "ok");
    if (site != null) data.put("site", site);
    state.apply(new Event(id, EventType.CHECKIN_SUBMITTED, t, t.toInstant(), site == null ? "district:" + district : "site:" + site,
        district, data), new LinkedHashSet<>());
  }

  JsonObject district(String id, String hhmm) {
    return view.snapshot(state, vn(hhmm)).getJsonObject("districts").getJsonObject(id);
  }

  static Instant vn(String hhmm) {
    return OffsetDateTime.parse("2020-08-09T" + hhmm + ":00+07:00").toInstant();
  }
}
