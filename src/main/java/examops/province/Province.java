package examops.province;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Placeholder of the province model until the full data file and loader land. */
public record Province(String id, String name, LocalizedText exam, ZoneId zone, List<District> districts,
    List<Target> targets, List<PublishingItem> publishing) {

  public Optional<District> district(String id) {
    return districts.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  public Optional<Target> target(String id) {
    return targets.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public Optional<PublishingItem> publishingItem(String channel, String item) {
    return publishing.stream().filter(p -> p.channel().equals(channel) && p.item().equals(item)).findFirst();
  }
}
