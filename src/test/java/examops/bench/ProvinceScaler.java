package examops.bench;

import examops.province.ProvinceLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bigger province from the default one: more exam sites in its districts, each with the same four
 * links (fixed line, phone and fax on it, internet) as the real sites, until it has the targets asked.
 */
final class ProvinceScaler {

  private ProvinceScaler() {}

  static Path write(int targets, Path file) throws IOException {
    JsonObject root;
    try (InputStream in = ProvinceScaler.class.getClassLoader().getResourceAsStream(ProvinceLoader.DEFAULT_RESOURCE)) {
      root = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    JsonArray districts = root.getJsonArray("districts");
    JsonArray list = root.getJsonArray("targets");
    for (int n = 0; list.size() + 4 <= targets; n++) {
      JsonObject d = districts.getJsonObject(n % districts.size());
      String district = d.getString("id");
      String site = district + "/bench-site-" + n;
      String label = "Điểm thi mẫu " + n;
      d.getJsonArray("sites").add(new JsonObject().put("id", site).put("name", text(label, "Sample exam site " + n)).put("sample", true));
      list.add(link(site, district, "line", "Đường dây cố định — " + label, "Fixed line — sample site " + n, false));
      list.add(link(site, district, "phone", "Điện thoại — " + label, "Phone — sample site " + n, true));
      list.add(link(site, district, "fax", "Fax — " + label, "Fax — sample site " + n, true));
      list.add(link(site, district, "internet", "Internet — " + label, "Internet — sample site " + n, false));
    }
    Files.writeString(file, root.encodePrettily());
    ProvinceLoader.load(file); // fails loudly if the generated file is not a valid province
    return file;
  }

  private static JsonObject link(String site, String district, String kind, String vi, String en, boolean onLine) {
    JsonObject t = new JsonObject().put("id", site + "/" + kind).put("name", text(vi, en)).put("kind", kind)
        .put("district", district).put("site", site);
    if (onLine) t.put("dependsOn", new JsonArray().add(site + "/line"));
    return t;
  }

  private static JsonObject text(String vi, String en) {
    return new JsonObject().put("vi", vi).put("en", en);
  }
}
