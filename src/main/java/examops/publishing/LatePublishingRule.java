package examops.publishing;

import examops.alert.AlertCondition;
import examops.alert.Rule;
import examops.province.District;
import examops.province.Province;
import examops.province.PublishingItem;
import examops.vocabulary.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A checklist item past its due time that nobody has done. */
public final class LatePublishingRule implements Rule<PublishingProgress> {

  public static final String NAME = "publishing-late";

  private final Province province;

  public LatePublishingRule(Province province) {
    this.province = province;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<AlertCondition> evaluate(PublishingProgress publishing, Instant now) {
    List<AlertCondition> out = new ArrayList<>();
    for (PublishingItem item : province.publishing()) {
      if (item.perDistrict()) {
        for (District d : province.districts()) check(publishing, item, d.id(), d.name().vi(), d.name().en(), now, out);
      } else {
        check(publishing, item, null, province.name().vi(), province.name().en(), now, out);
      }
    }
    return out;
  }

  private static void check(PublishingProgress publishing, PublishingItem item, String district, String whoVi, String whoEn,
      Instant now, List<AlertCondition> out) {
    String key = PublishingBook.key(district, item.channel().wireName(), item.item());
    PublishingStanding standing = PublishingStanding.evaluate(publishing.state(key), item.due(), now);
    if (!standing.missing()) return;
    out.add(new AlertCondition(AlertCondition.id(NAME, key, item.due()), NAME, key, district, Severity.MEDIUM,
        whoVi + ": trễ hạn \u201c" + item.name().vi() + "\u201d",
        whoEn + ": overdue \u201c" + item.name().en() + "\u201d", item.due()));
  }
}
