package examops.province;
import java.time.OffsetDateTime;
public record PublishingItem(String channel, String item, LocalizedText name, OffsetDateTime due, boolean perDistrict) {}
