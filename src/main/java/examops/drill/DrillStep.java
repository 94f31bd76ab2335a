package examops.drill;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One request the drill makes at one moment of the exam clock: a path of the ingest API and its body. */
public record DrillStep(Instant at, String path, JsonObject body) {}
