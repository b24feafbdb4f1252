package io.herald.operations.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.eventlog.control.OutboxBacklog;
import io.herald.operations.control.GatewayOperations;
import io.herald.operations.control.NodeStatus;
import io.herald.operations.control.NodeStatusJson;
import io.herald.operations.control.RecentEvents;
import io.herald.operations.control.SessionView;
import io.herald.publish.control.IngestRejections;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** The admin page's JSON: the same for {@code GET /admin/api/overview} and the frames of {@code /admin/ws}. */
final class AdminViews {

    /** How many recent events an overview carries at most. */
    static final int MAX_EVENTS = 50;

    private AdminViews() {
    }

    /**
     * What every overview frame of one moment shares: this node's name, every node's figures
     * (without their session lists) and this node's outbox. Taken once per beat for all admin sockets.
     */
    static JsonObject cluster(GatewayOperations operations) {
        JsonArrayBuilder nodes = JSON.createArrayBuilder();
        for (NodeStatus node : operations.clusterStatus()) {
            JsonObjectBuilder json = JSON.createObjectBuilder(NodeStatusJson.write(node));
            json.remove("sessions");
            nodes.add(json);
        }
        return JSON.createObjectBuilder().add("node", operations.node()).add("nodes", nodes).add("outbox", outbox(operations)).build();
    }

    /** {@code cluster} with the events after {@code afterSeq} that this node handled. */
    static JsonObject overview(JsonObject cluster, RecentEvents recent, long afterSeq) {
        JsonArrayBuilder events = JSON.createArrayBuilder();
        List<RecentEvents.Seen> seen = recent.after(afterSeq, MAX_EVENTS);
        for (RecentEvents.Seen e : seen) {
            events.add(event(e, false));
        }
        return JSON.createObjectBuilder()
                .add("type", "overview")
                .add("node", cluster.get("node"))
                .add("at", System.currentTimeMillis())
                .add("nodes", cluster.get("nodes"))
                .add("outbox", cluster.get("outbox"))
                .add("events", events)
                .add("lastEvent", seen.isEmpty() ? Math.max(afterSeq, 0) : seen.get(seen.size() - 1).seq())
                .build();
    }

    /** One recent event as the page lists it, with its data when {@code withData} ({@code GET /admin/api/events/{seq}}). */
    static JsonObject event(RecentEvents.Seen e, boolean withData) {
        JsonArrayBuilder keys = JSON.createArrayBuilder();
        e.routingKeys().forEach(keys::add);
        JsonObjectBuilder json = JSON.createObjectBuilder().add("seq", e.seq()).add("id", e.id()).add("product", e.product()).add("type", e.type())
                .add("routingKeys", keys).add("at", e.at()).add("handledAt", e.handledAt()).add("sessions", e.sessions());
        if (withData) {
            json.add("data", e.data() == null ? jakarta.json.JsonValue.NULL : e.data());
        }
        return json.build();
    }

    /** {@code {"node","count","latest":[{"seq","at","reason","body","truncated","messageId"}]}}: this node's rejected ingest messages. */
    static JsonObject rejections(String node, IngestRejections rejections) {
        JsonArrayBuilder latest = JSON.createArrayBuilder();
        for (IngestRejections.Rejection r : rejections.latest()) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("seq", r.seq()).add("at", r.at()).add("reason", r.reason());
            textOrNull(json, "body", r.body());
            json.add("truncated", r.truncated());
            textOrNull(json, "messageId", r.messageId());
            latest.add(json);
        }
        return JSON.createObjectBuilder().add("node", node).add("count", rejections.count()).add("latest", latest).build();
    }

    private static void textOrNull(JsonObjectBuilder json, String name, String text) {
        if (text == null) {
            json.addNull(name);
        } else {
            json.add(name, text);
        }
    }

    private static JsonObject outbox(GatewayOperations operations) {
        try {
            OutboxBacklog b = operations.outbox();
            return JSON.createObjectBuilder().add("unpublished", b.unpublished())
                    .add("oldestAgeSeconds", b.oldestAgeMillis(System.currentTimeMillis()) / 1000).build();
        } catch (RuntimeException e) {
            return JSON.createObjectBuilder().add("error", "the database does not answer").build();
        }
    }

    /**
     * The connections of every node (this node's all, the others' newest {@link NodeStatus#MAX_LISTED}),
     * newest first, those whose id, user or product contains {@code filter} (all when blank), at most
     * {@value #MAX_SESSIONS}.
     */
    static JsonObject sessions(GatewayOperations operations, String filter) {
        String f = filter == null ? "" : filter.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.function.Predicate<SessionView> matches = s -> f.isEmpty() || s.id().toLowerCase(java.util.Locale.ROOT).contains(f)
                || s.product().contains(f) || (s.user() != null && s.user().toLowerCase(java.util.Locale.ROOT).contains(f));
        JsonArrayBuilder sessions = JSON.createArrayBuilder();
        int total = 0;
        int listed = 0;
        List<NodeStatus> nodes = operations.clusterStatus();
        for (int i = 0; i < nodes.size(); i++) {
            NodeStatus node = nodes.get(i);
            total += node.sessionsTotal();
            for (SessionView s : i == 0 ? operations.localSessions() : node.sessions()) {
                if (listed < MAX_SESSIONS && matches.test(s)) {
                    sessions.add(NodeStatusJson.write(s));
                    listed++;
                }
            }
        }
        return JSON.createObjectBuilder().add("sessions", sessions).add("listed", listed).add("total", total).build();
    }

    /** The most connections one answer lists. */
    static final int MAX_SESSIONS = 500;
}
