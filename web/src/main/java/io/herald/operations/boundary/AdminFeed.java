package io.herald.operations.boundary;

import io.herald.operations.control.GatewayOperations;
import io.herald.operations.control.RecentEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@value #EVERY_MS} ms, an {@code overview} frame ({@link AdminViews#overview}) to each open
 * admin socket, with the events it has not seen yet. A socket whose previous frame is still being
 * written skips the beat, so a slow admin browser never piles frames up; at most
 * {@value #MAX_SOCKETS} admin sockets are served.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdminFeed {

    static final long EVERY_MS = 1_000;
    static final int MAX_SOCKETS = 50;
    private static final Logger LOG = Logger.getLogger(AdminFeed.class.getName());

    /** What one admin socket has seen, and whether a frame to it is on its way. */
    private record Watcher(AtomicLong lastEvent, AtomicBoolean sending) {
    }

    @Inject
    GatewayOperations operations;

    @Inject
    RecentEvents recent;

    @Resource
    TimerService timers;

    private final Map<Session, Watcher> watchers = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        timers.createIntervalTimer(EVERY_MS, EVERY_MS, new TimerConfig(null, false));
    }

    /** Starts the feed for {@code session}, which sees the last events at once. */
    public void add(Session session) throws java.io.IOException {
        if (watchers.size() >= MAX_SOCKETS) {
            session.close(new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.TRY_AGAIN_LATER,
                    "Too many admin connections"));
            return;
        }
        Watcher watcher = new Watcher(new AtomicLong(Math.max(0, recent.last() - AdminViews.MAX_EVENTS)), new AtomicBoolean());
        watchers.put(session, watcher);
        JsonObject cluster = cluster();
        if (cluster != null) {
            send(session, watcher, cluster);
        }
    }

    public void remove(Session session) {
        watchers.remove(session);
    }

    /** One look at the cluster for every admin socket of this beat. */
    @Timeout
    void beat() {
        watchers.keySet().removeIf(session -> !session.isOpen());
        if (watchers.isEmpty()) {
            return;
        }
        JsonObject cluster = cluster();
        if (cluster != null) {
            watchers.forEach((session, watcher) -> send(session, watcher, cluster));
        }
    }

    /** @return {@code null} when it could not be taken (logged at FINE; the next beat tries again) */
    private JsonObject cluster() {
        try {
            return AdminViews.cluster(operations);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not take the admin overview", e);
            return null;
        }
    }

    private void send(Session session, Watcher watcher, JsonObject cluster) {
        if (!watcher.sending().compareAndSet(false, true)) {
            return;
        }
        try {
            JsonObject overview = AdminViews.overview(cluster, recent, watcher.lastEvent().get());
            watcher.lastEvent().set(overview.getJsonNumber("lastEvent").longValue());
            session.getAsyncRemote().sendText(overview.toString(), result -> watcher.sending().set(false));
        } catch (RuntimeException e) {
            watcher.sending().set(false);
            LOG.log(Level.FINE, "Could not send the admin overview", e);
        }
    }
}
