package examops.province;
import java.util.List;
public record District(String id, String name, List<String> sites) {}
