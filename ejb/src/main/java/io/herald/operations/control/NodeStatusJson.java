package io.herald.operations.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.delivery.control.Traffic;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link NodeStatus} as JSON: how it travels between nodes (the data of a {@code node_status}
 * event) and how the admin API shows it. Field names are the record components'.
 */
public final class NodeStatusJson {

    private NodeStatusJson() {
    }

    public static JsonObject write(NodeStatus status) {
        JsonObjectBuilder products = JSON.createObjectBuilder();
        status.products().forEach((name, figures) -> products.add(name, write(figures)));
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        status.sessions().forEach(s -> sessions.add(write(s)));
        return JSON.createObjectBuilder()
                .add("node", status.node())
                .add("at", status.at())
                .add("delivery", status.delivery())
                .add("eventsFromTopic", status.eventsFromTopic())
                .add("duplicatesDropped", status.duplicatesDropped())
                .add("deliveries", status.deliveries())
                .add("sessionsTotal", status.sessionsTotal())
                .add("products", products)
                .add("sessions", sessions)
                .build();
    }

    public static JsonObject write(ProductFigures f) {
        LatencyWindow.Snapshot l = f.latency();
        return JSON.createObjectBuilder()
                .add("sessions", f.sessions())
                .add("subscriptions", counts(f.subscriptions()))
                .add("handshakesAccepted", f.handshakesAccepted())
                .add("handshakesRefused", counts(f.handshakesRefused()))
                .add("deliveries", f.deliveries())
                .add("slowClientsClosed", f.slowClientsClosed())
                .add("errorsAnswered", f.errorsAnswered())
                .add("queueMax", f.queueMax())
                .add("queueSum", f.queueSum())
                .add("latencyMs", JSON.createObjectBuilder().add("count", l.count()).add("p50", l.p50()).add("p90", l.p90())
                        .add("p99", l.p99()).add("p999", l.p999()).add("max", l.max()))
                .build();
    }

    public static JsonObject write(SessionView s) {
        JsonArrayBuilder subscriptions = JSON.createArrayBuilder();
        s.subscriptions().forEach(subscriptions::add);
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", s.id())
                .add("node", s.node())
                .add("product", s.product());
        if (s.user() == null) {
            b.addNull("user");
        } else {
            b.add("user", s.user());
        }
        Traffic t = s.traffic();
        if (t.remoteAddress() == null) {
            b.addNull("remoteAddress");
        } else {
            b.add("remoteAddress", t.remoteAddress());
        }
        return b.add("openedAt", s.openedAt()).add("subscriptions", subscriptions).add("queuedFrames", s.queuedFrames())
                .add("framesSent", t.framesSent()).add("bytesSent", t.bytesSent()).add("framesReceived", t.framesReceived())
                .add("bytesReceived", t.bytesReceived()).add("lastActivityAt", t.lastActivityAt()).build();
    }

    /** The traffic fields of a session as {@link #write(SessionView)} wrote them; {@link Traffic#NONE} from a node that wrote none. */
    private static Traffic readTraffic(JsonObject s) {
        if (!s.containsKey("framesSent")) {
            return Traffic.NONE;
        }
        String address = s.containsKey("remoteAddress") && !s.isNull("remoteAddress") ? s.getString("remoteAddress") : null;
        return new Traffic(address, number(s, "framesSent"), number(s, "bytesSent"), number(s, "framesReceived"), number(s, "bytesReceived"),
                number(s, "lastActivityAt"));
    }

    /** Reads what {@link #write(NodeStatus)} wrote. @throws RuntimeException (ClassCast, NullPointer) for anything else */
    public static NodeStatus read(JsonObject json) {
        Map<String, ProductFigures> products = new TreeMap<>();
        json.getJsonObject("products").forEach((name, value) -> products.put(name, readFigures(value.asJsonObject())));
        List<SessionView> sessions = new ArrayList<>();
        for (JsonValue v : json.getJsonArray("sessions")) {
            JsonObject s = v.asJsonObject();
            List<String> subscriptions = s.getJsonArray("subscriptions").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
            sessions.add(new SessionView(s.getString("id"), s.getString("node"), s.getString("product"),
                    s.isNull("user") ? null : s.getString("user"), s.getJsonNumber("openedAt").longValue(), subscriptions, s.getInt("queuedFrames"),
                    readTraffic(s)));
        }
        return new NodeStatus(json.getString("node"), json.getJsonNumber("at").longValue(), json.getString("delivery"),
                json.getJsonNumber("eventsFromTopic").longValue(), json.getJsonNumber("duplicatesDropped").longValue(), products, sessions,
                json.getInt("sessionsTotal"));
    }

    private static ProductFigures readFigures(JsonObject f) {
        JsonObject l = f.getJsonObject("latencyMs");
        Map<String, Integer> subscriptions = new TreeMap<>();
        f.getJsonObject("subscriptions").forEach((k, v) -> subscriptions.put(k, ((JsonNumber) v).intValue()));
        Map<String, Long> refused = new TreeMap<>();
        f.getJsonObject("handshakesRefused").forEach((k, v) -> refused.put(k, ((JsonNumber) v).longValue()));
        return new ProductFigures(f.getInt("sessions"), subscriptions, number(f, "handshakesAccepted"), refused, number(f, "deliveries"),
                number(f, "slowClientsClosed"), number(f, "errorsAnswered"), f.getInt("queueMax"), number(f, "queueSum"),
                new LatencyWindow.Snapshot(number(l, "count"), number(l, "p50"), number(l, "p90"), number(l, "p99"), number(l, "p999"),
                        number(l, "max")));
    }

    private static long number(JsonObject o, String name) {
        return o.getJsonNumber(name).longValue();
    }

    private static JsonObjectBuilder counts(Map<String, ? extends Number> counts) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        counts.forEach((k, v) -> b.add(k, v.longValue()));
        return b;
    }
}
