package examops.report;

import examops.board.BoardState;
import examops.province.District;
import examops.province.LocalizedText;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.publishing.PublishingBook;
import examops.publishing.PublishingStanding;
import examops.vocabulary.PublishingState;
import examops.publishing.PublishingStatus;
import examops.vocabulary.Channel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishing compliance for the checklist items due in the period, per district (and the province
 * for province-wide items) and channel. An item is done on time when the unit claimed it done no
 * later than its due time, done late when after it (lateness is judged on the claim, not on the
 * verification), missing when not done and past due, pending when not yet due; verified counts the
 * done items the command center checked.
 */
final class PublishingSection {

  enum Outcome { DONE_ON_TIME, DONE_LATE, MISSING, PENDING }

  /** One item of one unit, judged. */
  record Judged(String group, PublishingItem item, PublishingStatus status, Outcome outcome) {
    boolean verified() {
      return status.state() == PublishingState.VERIFIED;
    }
  }

  private PublishingSection() {}

  static Outcome classify(PublishingStatus status, Instant due, Instant now) {
    PublishingStanding standing = PublishingStanding.evaluate(status, due, now);
    boolean done = status.state() == PublishingState.DONE || status.state() == PublishingState.VERIFIED;
    if (done) return standing.late() ? Outcome.DONE_LATE : Outcome.DONE_ON_TIME;
    return standing.missing() ? Outcome.MISSING : Outcome.PENDING;
  }

  /** Every item due in [from, to), for every unit that owes it, judged at {@code measuredTo}. */
  static List<Judged> judge(Province province, BoardState state, Instant from, Instant to, Instant measuredTo) {
    List<Judged> out = new ArrayList<>();
    for (String group : groups(province)) {
      boolean provinceWide = PublishingBook.PROVINCE.equals(group);
      for (PublishingItem item : province.publishing()) {
        if (item.perDistrict() == provinceWide || item.due().isBefore(from) || !item.due().isBefore(to)) continue;
        PublishingStatus st = state.publishing().state(PublishingBook.key(group, item.channel().wireName(), item.item()));
        out.add(new Judged(group, item, st, classify(st, item.due(), measuredTo)));
      }
    }
    return out;
  }

  static JsonObject build(Province province, List<Judged> judged) {
    JsonArray rows = new JsonArray();
    Map<String, Tally> byGroup = new LinkedHashMap<>();
    Map<Channel, Tally> byChannel = new EnumMap<>(Channel.class);
    Tally total = new Tally();
    for (String group : groups(province)) {
      for (Channel c : Channel.values()) {
        Tally t = new Tally();
        judged.stream().filter(j -> j.group().equals(group) && j.item().channel() == c).forEach(t::add);
        if (t.items == 0) continue;
        rows.add(t.json().put("group", group).put("names", Texts.json(groupName(province, group))).put("channel", c.wireName()));
        byGroup.computeIfAbsent(group, g -> new Tally()).plus(t);
        byChannel.computeIfAbsent(c, k -> new Tally()).plus(t);
        total.plus(t);
      }
    }
    JsonArray groups = new JsonArray();
    byGroup.forEach((g, t) -> groups.add(t.json().put("group", g).put("names", Texts.json(groupName(province, g)))));
    JsonArray channels = new JsonArray();
    byChannel.forEach((c, t) -> channels.add(t.json().put("channel", c.wireName())));
    JsonArray items = new JsonArray();
    judged.forEach(j -> items.add(new JsonObject().put("group", j.group()).put("channel", j.item().channel().wireName())
        .put("item", j.item().item()).put("names", Texts.json(j.item().name())).put("due", j.item().due().toString())
        .put("state", j.status().state().wireName()).put("outcome", j.outcome().name().toLowerCase().replace('_', '-'))
        .put("doneAt", str(j.status().doneAt())).put("verifiedAt", str(j.status().verifiedAt()))
        .put("evidence", j.status().evidence())));
    return new JsonObject().put("rows", rows).put("byGroup", groups).put("byChannel", channels)
        .put("total", total.json()).put("items", items);
  }

  static List<String> groups(Province province) {
    List<String> groups = new ArrayList<>();
    groups.add(PublishingBook.PROVINCE);
    province.districts().forEach(d -> groups.add(d.id()));
    return groups;
  }

  static LocalizedText groupName(Province province, String group) {
    return province.district(group).map(District::name).orElse(province.name());
  }

  private static String str(Instant t) {
    return t == null ? null : t.toString();
  }

  /** Counts per outcome. */
  static final class Tally {
    int items;
    int doneOnTime;
    int doneLate;
    int verified;
    int missing;
    int pending;

    void add(Judged j) {
      items++;
      switch (j.outcome()) {
        case DONE_ON_TIME -> doneOnTime++;
        case DONE_LATE -> doneLate++;
        case MISSING -> missing++;
        case PENDING -> pending++;
      }
      if (j.verified()) verified++;
    }

    Tally plus(Tally o) {
      items += o.items;
      doneOnTime += o.doneOnTime;
      doneLate += o.doneLate;
      verified += o.verified;
      missing += o.missing;
      pending += o.pending;
      return this;
    }

    /** Done on time over the items already due (pending ones are not judged yet). */
    double compliance() {
      int due = items - pending;
      return due == 0 ? Double.NaN : (double) doneOnTime / due;
    }

    JsonObject json() {
      return new JsonObject().put("items", items).put("doneOnTime", doneOnTime).put("doneLate", doneLate)
          .put("verified", verified).put("missing", missing).put("pending", pending)
          .put("compliance", Texts.ratio(compliance()));
    }
  }
}
