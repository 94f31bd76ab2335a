package examops.province;

import java.util.List;
import java.util.Optional;

/** A district-level unit (huyện, thị xã, thành phố) and its exam sites. */
public record District(String id, LocalizedText name, List<ExamSite> sites) {

  public District {
    sites = List.copyOf(sites);
  }

  public Optional<ExamSite> site(String siteId) {
    return sites.stream().filter(s -> s.id().equals(siteId)).findFirst();
  }
}
