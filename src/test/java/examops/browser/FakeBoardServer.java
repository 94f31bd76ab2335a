package examops.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * A stand-in for the board's server, for testing the page alone: serves webroot/ and the Chart.js
 * webjar as the app does, and a /ws/board that sends a snapshot on connect and on resync, then
 * whatever messages the test pushes. Records what the page sends. The snapshot it starts from is the
 * one {@code BoardSnapshotFixtureTest} makes with the real {@code BoardView}, so the page is tested
 * against what a node sends.
 */
final class FakeBoardServer implements AutoCloseable {

    static final Path SAMPLE_SNAPSHOT = Path.of("webroot", "test", "fixtures", "board-snapshot.generated.json");

    private final Vertx vertx = Vertx.vertx();
    private final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private volatile JsonObject state;
    private volatile boolean refusing;
    private HttpServer server;

    private FakeBoardServer(JsonObject state) {
        this.state = state;
    }

    static FakeBoardServer start() {
        return start(sampleState());
    }

    static FakeBoardServer start(JsonObject state) {
        FakeBoardServer fake = new FakeBoardServer(state);
        fake.listen();
        return fake;
    }

    /** The same troubles the morning after the units' reports were due (BoardSnapshotFixtureTest). */
    static final Path AFTER_EXAM_SNAPSHOT = Path.of("webroot", "test", "fixtures", "board-snapshot.after-exam.generated.json");

    static JsonObject sampleState() {
        return read(SAMPLE_SNAPSHOT);
    }

    static JsonObject afterExamState() {
        return read(AFTER_EXAM_SNAPSHOT);
    }

    private static JsonObject read(Path fixture) {
        try {
            return new JsonObject(Files.readString(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void listen() {
        Router router = Router.router(vertx);
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
        server = await(vertx.createHttpServer()
                .webSocketHandler(this::accept)
                .requestHandler(router)
                .listen(0, "127.0.0.1"));
    }

    private void accept(ServerWebSocket ws) {
        if (!"/ws/board".equals(ws.path()) || refusing) {
            ws.close((short) 1013);
            return;
        }
        sockets.add(ws);
        ws.closeHandler(v -> sockets.remove(ws));
        ws.textMessageHandler(text -> {
            JsonObject msg = new JsonObject(text);
            received.add(msg);
            if ("resync".equals(msg.getString("type"))) ws.writeTextMessage(snapshot().encode());
        });
        ws.writeTextMessage(snapshot().encode());
    }

    private JsonObject snapshot() {
        JsonObject current = state;
        return new JsonObject().put("type", "snapshot").put("version", current.getLong("version")).put("state", current);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/";
    }

    long version() {
        return state.getLong("version");
    }

    /** Sends a delta to every page and moves the snapshot a resync would get to the same version. */
    void delta(long from, long version, JsonObject... changes) {
        JsonObject next = state.copy().put("version", version);
        for (JsonObject change : changes) {
            String section = change.getString("section");
            Object id = change.getValue("id");
            Object value = change.getValue("value");
            if (id == null) {
                next.put(section, value);
            } else {
                JsonObject entities = next.getJsonObject(section, new JsonObject());
                if (value == null) entities.remove(id.toString());
                else entities.put(id.toString(), value);
                next.put(section, entities);
            }
        }
        state = next;
        broadcast(new JsonObject().put("type", "delta").put("from", from).put("version", version)
                .put("changes", new JsonArray(List.of((Object[]) changes))));
    }

    void broadcast(JsonObject msg) {
        for (ServerWebSocket ws : sockets) ws.writeTextMessage(msg.encode());
    }

    int connections() {
        return sockets.size();
    }

    List<JsonObject> received() {
        return received;
    }

    /** Closes every socket and, while refusing, turns new ones away: the feed is down. */
    void refuse(boolean refuse) {
        refusing = refuse;
        if (refuse) for (ServerWebSocket ws : sockets) ws.close();
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake board server", e);
        }
    }
}
