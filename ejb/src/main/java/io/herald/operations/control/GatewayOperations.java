package io.herald.operations.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.InvalidInputException;
import io.herald.delivery.control.OrderedFanout;
import io.herald.delivery.control.SessionRegistry;
import io.herald.delivery.control.Subscriber;
import io.herald.eventlog.control.EventLog;
import io.herald.eventlog.control.OutboxBacklog;
import io.herald.trading.control.SystemAnnouncements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What operators read and do, in one place for the admin page, the MBean and metrics: this node's
 * and the cluster's {@link NodeStatus}, the outbox backlog, and the actions (disconnect a
 * connection, every connection of a user, announce a maintenance window). Disconnects act on this
 * node at once and on the others through the topic.
 */
@ApplicationScoped
public class GatewayOperations {

    /** How long a backlog figure is reused: scrapes, the page and the MBean share one query. */
    static final long BACKLOG_CACHE_MS = 2_000;

    @Inject
    SessionRegistry registry;

    @Inject
    GatewayMeter meter;

    @Inject
    OrderedFanout delivery;

    @Inject
    NodeIdentity identity;

    @Inject
    ClusterView cluster;

    @Inject
    AdminControl control;

    @Inject
    EventLog eventLog;

    @Inject
    SystemAnnouncements announcements;

    @Inject
    Event<HeraldEvent> events;

    private volatile OutboxBacklog backlog;
    private volatile long backlogAt;

    /** This node's name. */
    public String node() {
        return identity.name();
    }

    /** This node now. */
    public NodeStatus localStatus() {
        return status(true);
    }

    /** This node now, without the list of its connections (for metrics, once a second). */
    public NodeStatus localFigures() {
        return status(false);
    }

    private NodeStatus status(boolean listSessions) {
        long now = System.currentTimeMillis();
        String node = identity.name();
        Map<String, List<Subscriber>> byProduct = new HashMap<>();
        List<SessionView> sessions = new ArrayList<>();
        int total = 0;
        for (Subscriber s : registry.subscribers()) {
            if (Subscriber.INTERNAL.equals(s.product())) {
                continue;
            }
            total++;
            byProduct.computeIfAbsent(s.product(), p -> new ArrayList<>()).add(s);
            if (listSessions) {
                sessions.add(view(s, node));
            }
        }
        Map<String, Map<String, Integer>> channels = new HashMap<>();
        registry.subscriptionsPerKey().forEach((key, count) -> {
            String product = Channels.productOf(key);
            if (!Subscriber.INTERNAL.equals(product)) {
                channels.computeIfAbsent(product, p -> new TreeMap<>()).merge(Channels.channelOf(key), count, Integer::sum);
            }
        });
        Map<String, ProductFigures> products = new TreeMap<>();
        Set<String> names = new TreeSet<>(meter.products().keySet());
        names.addAll(byProduct.keySet());
        for (String product : names) {
            ProductMeter m = meter.product(product);
            List<Subscriber> open = byProduct.getOrDefault(product, List.of());
            int queueMax = 0;
            long queueSum = 0;
            for (Subscriber s : open) {
                int q = s.queuedFrames();
                queueMax = Math.max(queueMax, q);
                queueSum += q;
            }
            products.put(product, new ProductFigures(open.size(), channels.getOrDefault(product, Map.of()), m.handshakesAccepted(),
                    m.handshakesRefused(), m.deliveries(), m.slowClientsClosed(), m.errorsAnswered(), queueMax, queueSum, m.latency(now)));
        }
        sessions.sort(Comparator.comparingLong(SessionView::openedAt).reversed().thenComparing(SessionView::id));
        List<SessionView> listed = sessions.size() > NodeStatus.MAX_LISTED ? sessions.subList(0, NodeStatus.MAX_LISTED) : sessions;
        return new NodeStatus(node, now, delivery.mode() == OrderedFanout.Mode.LIVE ? "live" : "catching-up", meter.eventsFromTopic(),
                meter.duplicatesDropped(), products, listed, total);
    }

    /**
     * This node's figures first (without its connections: {@link #localSessions} lists them), then
     * the others as they last reported, heard from in the last seconds.
     */
    public List<NodeStatus> clusterStatus() {
        List<NodeStatus> all = new ArrayList<>();
        all.add(localFigures());
        all.addAll(cluster.others(System.currentTimeMillis()));
        return all;
    }

    /** This node's open connections (all of them, newest first). */
    public List<SessionView> localSessions() {
        String node = identity.name();
        return registry.subscribers().stream()
                .filter(s -> !Subscriber.INTERNAL.equals(s.product()))
                .map(s -> view(s, node))
                .sorted(Comparator.comparingLong(SessionView::openedAt).reversed())
                .toList();
    }

    /** The unpublished durable events, at most {@value #BACKLOG_CACHE_MS} ms old. @throws RuntimeException when the database does not answer */
    public OutboxBacklog outbox() {
        long now = System.currentTimeMillis();
        OutboxBacklog b = backlog;
        if (b == null || now - backlogAt > BACKLOG_CACHE_MS) {
            b = eventLog.backlog();
            backlog = b;
            backlogAt = now;
        }
        return b;
    }

    /** Closes the connection with this session id, wherever it is. @return how many this node closed (0 or 1) */
    public int disconnectSession(String sessionId) {
        int closed = control.disconnect(AdminControl.bySession(sessionId));
        tellOtherNodes(OperationsKeys.DISCONNECT_SESSION, "session", sessionId);
        return closed;
    }

    /** Closes every connection of {@code user} (in any product), on every node. @return how many this node closed */
    public int disconnectUser(String user) {
        int closed = control.disconnect(AdminControl.byUser(user));
        tellOtherNodes(OperationsKeys.DISCONNECT_USER, "user", user);
        return closed;
    }

    /** How long an announced maintenance window lasts when no end is given. */
    public static final Duration DEFAULT_MAINTENANCE = Duration.ofHours(1);

    /**
     * Document 004's {@code server_maintenance} to every trading client, as an administrator gives
     * it (admin page, MBean): ISO-8601 times, a blank start meaning now (then {@code scheduled} is
     * false), a blank end {@link #DEFAULT_MAINTENANCE} after the start. @return the event's data
     * @throws InvalidInputException for a time that is not an instant, or what {@link SystemAnnouncements#maintenance} refuses
     */
    public JsonObject announceMaintenance(String message, String startTime, String endTime) {
        Instant now = Instant.now();
        Instant start = instant(startTime, now, "startTime");
        Instant end = instant(endTime, start.plus(DEFAULT_MAINTENANCE), "endTime");
        return announcements.maintenance(start.isAfter(now), start, end, message);
    }

    private static Instant instant(String text, Instant otherwise, String field) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 instant such as 2026-12-03T10:00:00Z");
        }
    }

    private void tellOtherNodes(String type, String field, String value) {
        JsonObject data = JSON.createObjectBuilder().add("origin", identity.origin()).add(field, value).build();
        events.fire(new HeraldEvent(Subscriber.INTERNAL, type, data, Set.of(OperationsKeys.CONTROL), false));
    }

    private SessionView view(Subscriber s, String node) {
        Set<String> channels = new TreeSet<>();
        registry.keysOf(s).forEach(key -> channels.add(Channels.channelOf(key)));
        return new SessionView(s.id(), node, s.product(), s.user(), s.openedAt(), List.copyOf(channels), s.queuedFrames(), s.traffic());
    }
}
