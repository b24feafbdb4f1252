package io.herald.trading.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.auth.control.VerifiedToken;
import io.herald.common.control.LogLimiter;
import io.herald.common.control.WireJson;
import io.herald.operations.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the trading admin rooms ({@code admin:{level}}) receive, and at which level: the margin
 * guard's executions of every user, service status updates, and breaches of the per-user connection
 * limit and of the inbound rate limit. Each goes out under the routing key of its level
 * ({@link TradingKeys#admin}); a room receives the events at or below its own level
 * ({@link TradingKeys#adminUpTo}), on every node, like every other trading event. A breach notice
 * is sent at most once per user, kind and node every {@value #QUIET_SECONDS} s, so a client that
 * keeps reconnecting or flooding cannot flood the admins (or the event log) in turn.
 */
@ApplicationScoped
public class AdminNotices {

    /** A user was refused a connection: they hold the most a node allows. */
    public static final String CONNECTION_LIMIT = "connection_limit_exceeded";
    /** A connection was closed for sending over the inbound rate limit. */
    public static final String RATE_LIMIT = "rate_limit_exceeded";
    /** The channel both breach notices are sent on (the frame's {@code channel}). */
    public static final String CHANNEL = "admin";
    /** How long a user's breach of one kind is not announced again on a node. */
    public static final int QUIET_SECONDS = 10;
    private static final long QUIET_NANOS = Duration.ofSeconds(QUIET_SECONDS).toNanos();
    /** Users whose last notice is remembered at most (older ones are forgotten first). */
    private static final int MAX_REMEMBERED = 10_000;

    private static final Logger LOG = Logger.getLogger(AdminNotices.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofSeconds(30));

    @Inject
    Event<HeraldEvent> events;

    @Inject
    NodeIdentity node;

    @Inject
    @ConfigProperty(name = "herald.trading.admin-level.margin-guard", defaultValue = "1")
    int marginGuardLevel;

    @Inject
    @ConfigProperty(name = "herald.trading.admin-level.service-status", defaultValue = "1")
    int serviceStatusLevel;

    @Inject
    @ConfigProperty(name = "herald.trading.admin-level.limits", defaultValue = "1")
    int limitsLevel;

    LongSupplier clock = System::nanoTime;
    private final ConcurrentMap<String, Long> lastNotice = new ConcurrentHashMap<>();

    @PostConstruct
    void checkLevels() {
        level("herald.trading.admin-level.margin-guard", marginGuardLevel);
        level("herald.trading.admin-level.service-status", serviceStatusLevel);
        level("herald.trading.admin-level.limits", limitsLevel);
    }

    private static void level(String key, int level) {
        if (level < 1 || level > VerifiedToken.MAX_ADMIN_LEVEL) {
            throw new IllegalArgumentException(key + " must be an admin level from 1 to " + VerifiedToken.MAX_ADMIN_LEVEL + ": " + level);
        }
    }

    /** The key that takes a margin guard execution (of any user) to the admin rooms. */
    public String marginGuardKey() {
        return TradingKeys.admin(marginGuardLevel);
    }

    /** The key that takes a service status update to the admin rooms. */
    public String serviceStatusKey() {
        return TradingKeys.admin(serviceStatusLevel);
    }

    /**
     * {@value #CONNECTION_LIMIT} {@code {"userId","limit","node","occurredAt"}}: {@code userId} was
     * refused a connection on this node because they hold {@code limit} already.
     */
    public void connectionLimitExceeded(String userId, int limit) {
        if (due(CONNECTION_LIMIT, userId)) {
            send(CONNECTION_LIMIT, JSON.createObjectBuilder()
                    .add("userId", userId)
                    .add("limit", limit)
                    .add("node", node.name())
                    .add("occurredAt", WireJson.timestamp(Instant.now()))
                    .build());
        }
    }

    /**
     * {@value #RATE_LIMIT} {@code {"userId","sessionId","perSecond","burst","closeAfter","action":"connection_closed","node","occurredAt"}}:
     * the connection {@code sessionId} of {@code userId} ({@code null} before authentication) sent
     * {@code closeAfter} messages over the limit within the refusal window and is being closed.
     */
    public void rateLimitExceeded(String userId, String sessionId, double perSecond, int burst, int closeAfter) {
        if (due(RATE_LIMIT, userId == null ? "" : userId)) {
            var data = JSON.createObjectBuilder();
            if (userId == null) {
                data.addNull("userId");
            } else {
                data.add("userId", userId);
            }
            send(RATE_LIMIT, data
                    .add("sessionId", sessionId)
                    .add("perSecond", perSecond)
                    .add("burst", burst)
                    .add("closeAfter", closeAfter)
                    .add("action", "connection_closed")
                    .add("node", node.name())
                    .add("occurredAt", WireJson.timestamp(Instant.now()))
                    .build());
        }
    }

    /** Whether a notice of {@code kind} for {@code user} is due (none within the quiet time); records it if so. */
    boolean due(String kind, String user) {
        long now = clock.getAsLong();
        boolean[] due = {false};
        lastNotice.compute(kind + " " + user, (k, last) -> {
            if (last != null && now - last < QUIET_NANOS) {
                return last;
            }
            due[0] = true;
            return now;
        });
        if (due[0] && lastNotice.size() > MAX_REMEMBERED) {
            lastNotice.values().removeIf(last -> now - last >= QUIET_NANOS);
        }
        return due[0];
    }

    /** A durable event (admins resume their rooms like any other); a failure to log it never fails the refusal. */
    private void send(String type, JsonObject data) {
        try {
            events.fire(HeraldEvent.of(TradingKeys.PRODUCT, type, data, Set.of(TradingKeys.admin(limitsLevel))));
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Could not send " + type + " to the trading admin rooms: " + e);
        }
    }
}
