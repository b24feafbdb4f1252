package io.herald.trading.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.api.HeraldEvent;
import io.herald.common.control.RecordingEvent;
import io.herald.operations.control.NodeIdentity;
import jakarta.enterprise.event.Event;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the trading admin rooms are sent, under which level's key, and how often. */
class AdminNoticesTest {

    private final List<HeraldEvent> fired = new ArrayList<>();
    private long now = 1_000_000_000L;
    private RuntimeException failure;
    private final AdminNotices cut = notices(fired);

    private AdminNotices notices(List<HeraldEvent> sink) {
        AdminNotices notices = new AdminNotices();
        notices.events = fake(sink);
        notices.node = new NodeIdentity() {
            @Override
            public String name() {
                return "node-a:8080";
            }
        };
        notices.marginGuardLevel = 1;
        notices.serviceStatusLevel = 1;
        notices.limitsLevel = 1;
        notices.clock = () -> now;
        return notices;
    }

    private Event<HeraldEvent> fake(List<HeraldEvent> sink) {
        return new RecordingEvent<>(event -> {
            if (failure != null) {
                throw failure;
            }
            sink.add(event);
        });
    }

    private static JsonObject withoutTime(JsonObject data) {
        assertTrue(Instant.parse(data.getString("occurredAt")).isAfter(Instant.now().minusSeconds(60)), data.toString());
        return Json.createObjectBuilder(data).remove("occurredAt").build();
    }

    @Test
    void aConnectionLimitBreachGoesToTheAdminRoomsOfItsLevel() {
        cut.connectionLimitExceeded("user_123", 5);

        HeraldEvent notice = fired.get(0);
        assertEquals("trading", notice.product());
        assertEquals("connection_limit_exceeded", notice.type());
        assertEquals(Set.of("trading:admin:1"), notice.routingKeys());
        assertTrue(notice.durable());
        assertEquals(Json.createObjectBuilder().add("userId", "user_123").add("limit", 5).add("node", "node-a:8080").build(),
                withoutTime(notice.data()));
    }

    @Test
    void aRateLimitBreachNamesTheConnectionAndTheLimit() {
        cut.limitsLevel = 3;

        cut.rateLimitExceeded("user_123", "s-7", 20, 40, 50);
        cut.rateLimitExceeded(null, "s-8", 20, 40, 50);

        assertEquals(Set.of("trading:admin:3"), fired.get(0).routingKeys());
        assertEquals("rate_limit_exceeded", fired.get(0).type());
        assertEquals(Json.createObjectBuilder().add("userId", "user_123").add("sessionId", "s-7").add("perSecond", 20.0).add("burst", 40)
                .add("closeAfter", 50).add("action", "connection_closed").add("node", "node-a:8080").build(), withoutTime(fired.get(0).data()));
        assertTrue(fired.get(1).data().isNull("userId"), "a connection flooding before it authenticated");
    }

    @Test
    void aUserIsAnnouncedOncePerKindWithinTheQuietTime() {
        cut.connectionLimitExceeded("user_123", 5);
        cut.connectionLimitExceeded("user_123", 5);
        cut.rateLimitExceeded("user_123", "s-1", 20, 40, 50);
        cut.connectionLimitExceeded("user_456", 5);
        assertEquals(List.of("connection_limit_exceeded", "rate_limit_exceeded", "connection_limit_exceeded"),
                fired.stream().map(HeraldEvent::type).toList());

        now += TimeUnit.SECONDS.toNanos(AdminNotices.QUIET_SECONDS);
        cut.connectionLimitExceeded("user_123", 5);
        assertEquals(4, fired.size());
    }

    @Test
    void aNoticeThatCannotBeSentDoesNotFailTheRefusal() {
        failure = new IllegalStateException("Could not append to the event log");
        cut.connectionLimitExceeded("user_123", 5);
        assertTrue(fired.isEmpty());
    }

    @Test
    void marginGuardAndServiceStatusKeysFollowTheirLevels() {
        cut.marginGuardLevel = 2;
        cut.serviceStatusLevel = 5;
        assertEquals("trading:admin:2", cut.marginGuardKey());
        assertEquals("trading:admin:5", cut.serviceStatusKey());
    }

    @Test
    void aLevelOutsideTheTokensRangeFailsTheDeployment() {
        cut.checkLevels();
        cut.limitsLevel = 0;
        assertThrows(IllegalArgumentException.class, cut::checkLevels);
        cut.limitsLevel = 101;
        assertThrows(IllegalArgumentException.class, cut::checkLevels);
    }

    @Test
    void aServiceStatusUpdateAlsoGoesToTheAdminRoomsAndMaintenanceDoesNot() {
        SystemAnnouncements announcements = new SystemAnnouncements();
        announcements.events = fake(fired);
        announcements.admins = cut;
        cut.serviceStatusLevel = 2;
        JsonObject status = Json.createObjectBuilder().add("service", "margin_guard").add("status", "degraded")
                .add("message", "Margin Guard service experiencing delays").add("updatedAt", "2025-01-06T10:30:00.000Z").build();

        announcements.announce(SystemAnnouncements.SERVICE_STATUS, status);
        announcements.maintenance(true, Instant.parse("2025-01-07T02:00:00Z"), Instant.parse("2025-01-07T04:00:00Z"), "Soon");

        assertEquals(Set.of("trading:system", "trading:admin:2"), fired.get(0).routingKeys());
        assertEquals(status, fired.get(0).data());
        assertEquals(Set.of("trading:system"), fired.get(1).routingKeys());
    }
}
