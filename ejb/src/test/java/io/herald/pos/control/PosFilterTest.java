package io.herald.pos.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.EventEnvelope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PosFilterTest {

    private static final VerifiedToken MANAGER = new VerifiedToken("user-sarah", Set.of("orders.read", "kds.read", "analytics.read", "notifications.read"),
            Instant.now().plusSeconds(3600), Set.of("loc-1", "loc-2"));
    private static final VerifiedToken ADMIN = new VerifiedToken("boss", Set.of("admin"), Instant.now().plusSeconds(3600), Set.of());

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return r.readObject();
        }
    }

    private static PosFilter filter(PosChannel channel, String params) throws PosRefused {
        return PosFilter.of(channel, json(params), MANAGER);
    }

    private static PosError refusal(PosChannel channel, String params, VerifiedToken caller) {
        return assertThrows(PosRefused.class, () -> PosFilter.of(channel, json(params), caller)).error();
    }

    private static EventEnvelope event(String type, String data) {
        return new EventEnvelope(1, "pos", type, Set.of("pos:x"), json(data), Instant.now());
    }

    @Test
    void theDocumentsOrdersExampleLetsThroughWhatItNamesOnly() throws PosRefused {
        PosFilter f = filter(PosChannel.ORDERS, "{'location_id':'loc-1','types':['dine_in','takeout'],'statuses':['open','preparing']}");

        assertEquals(Set.of("pos:orders:loc:loc-1"), f.routingKeys());
        assertTrue(f.matches(event("order.created", "{'location_id':'loc-1','order_type':'dine_in','status':'open'}")));
        assertFalse(f.matches(event("order.created", "{'location_id':'loc-1','order_type':'delivery','status':'open'}")));
        assertFalse(f.matches(event("order.created", "{'location_id':'loc-1','order_type':'dine_in','status':'paid'}")));
        assertFalse(f.matches(event("order.created", "{'location_id':'loc-2','order_type':'dine_in','status':'open'}")));
        assertFalse(f.matches(event("kds.ticket.created", "{'location_id':'loc-1'}")));
    }

    @Test
    void eventsAndMultiLocationAndContentFilters() throws PosRefused {
        PosFilter f = filter(PosChannel.ORDERS, "{'location_ids':['loc-1','loc-2'],'events':['order.paid']}");
        assertEquals(Set.of("pos:orders:loc:loc-1", "pos:orders:loc:loc-2"), f.routingKeys());
        assertTrue(f.matches(event("order.paid", "{'location_id':'loc-2'}")));
        assertFalse(f.matches(event("order.created", "{'location_id':'loc-2'}")));

        PosFilter grill = filter(PosChannel.KDS, "{'location_id':'loc-1','station':'grill'}");
        assertTrue(grill.matches(event("kds.ticket.late", "{'location_id':'loc-1','station':'grill'}")));
        assertFalse(grill.matches(event("kds.ticket.late", "{'location_id':'loc-1','station':'fry'}")));

        PosFilter revenue = filter(PosChannel.ANALYTICS, "{'location_id':'loc-1','metrics':['revenue']}");
        assertTrue(revenue.matches(event("analytics.metric_update", "{'location_id':'loc-1','metric':'revenue'}")));
        assertFalse(revenue.matches(event("analytics.metric_update", "{'location_id':'loc-1','metric':'orders'}")));
        assertTrue(revenue.matches(event("analytics.hourly_summary", "{'location_id':'loc-1'}")), "no metric field: the filter does not apply");

        PosFilter lane = PosFilter.of(PosChannel.VOICE, json("{'location_id':'loc-1','lane':2}"), ADMIN);
        assertTrue(lane.matches(event("voice.session_started", "{'location_id':'loc-1','lane':2}")));
        assertFalse(lane.matches(event("voice.session_started", "{'location_id':'loc-1','lane':1}")));
    }

    @Test
    void notificationsAreTheCallersOwn() throws PosRefused {
        PosFilter own = filter(PosChannel.NOTIFICATIONS, "{'user_id':'user-sarah'}");
        assertEquals(Set.of("pos:notifications:user:user-sarah"), own.routingKeys());
        assertTrue(own.matches(event("notification.alert", "{'user_id':'user-sarah'}")));
        assertFalse(own.matches(event("notification.alert", "{'user_id':'user-john'}")));

        PosError other = refusal(PosChannel.NOTIFICATIONS, "{'user_id':'user-john'}", MANAGER);
        assertEquals(PosError.UNAUTHORIZED, other.code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "orders|{}|Missing required parameter: location_id",
        "orders|{'location_id':''}|Invalid parameter: location_id must be a non-empty string of at most 64 characters",
        "orders|{'location_id':'loc-1','location_ids':['loc-2']}|Invalid parameters: use either location_id or location_ids, not both",
        "orders|{'location_ids':[]}|Invalid parameter: location_ids must be a non-empty array of strings",
        "orders|{'location_id':'loc-1','types':['brunch']}|Invalid parameter: types: 'brunch' is not one of delivery, dine_in, drive_thru, takeout",
        "orders|{'location_id':'loc-1','events':['kds.ticket.late']}|Invalid parameter: events: 'kds.ticket.late' is not one of order.closed, order.created, order.paid, order.status_changed, order.updated",
        "orders|{'location_id':'loc-1','colour':'red'}|Unknown parameter: colour",
        "kds|{'location_id':'loc-1','station':7}|Invalid parameter: station must be a non-empty string of at most 64 characters",
        "voice|{'location_id':'loc-1','lane':0}|Invalid parameter: lane must be a positive integer",
        "voice|{'location_id':'loc-1','lane':'1'}|Invalid parameter: lane must be a positive integer",
        "notifications|{}|Missing required parameter: user_id",
    })
    void invalidParametersAreNamed(String channel, String params, String message) {
        PosError error = refusal(PosChannel.named(channel).orElseThrow(), params, ADMIN);
        assertEquals(PosError.INVALID_PARAMS, error.code());
        assertEquals(message, error.message());
        assertEquals(channel, error.details().getString("channel"));
    }

    @Test
    void permissionsComeFromTheTokensGroupsAndLocations() {
        PosError channel = refusal(PosChannel.TABLES, "{'location_id':'loc-1'}", MANAGER);
        assertEquals(PosError.UNAUTHORIZED, channel.code());
        assertEquals("Not authorized to subscribe to this channel", channel.message());
        assertEquals("tables.read", channel.details().getString("required_permission"));

        PosError location = refusal(PosChannel.ORDERS, "{'location_ids':['loc-1','loc-9']}", MANAGER);
        assertEquals("location:loc-9", location.details().getString("required_permission"));

        VerifiedToken everywhere = new VerifiedToken("u", Set.of("tables.read"), Instant.now().plusSeconds(60), Set.of("*"));
        PosError none = assertThrows(PosRefused.class, () -> PosFilter.of(PosChannel.ORDERS, json("{'location_id':'x'}"), everywhere)).error();
        assertEquals("orders.read", none.details().getString("required_permission"));
    }

    @Test
    void aSubscriptionLimitAndKeysSharedBetweenSubscriptions() throws PosRefused {
        PosSubscriptions subs = new PosSubscriptions(2);
        PosFilter f = filter(PosChannel.ORDERS, "{'location_id':'loc-1'}");
        PosSubscriptions.Change first = subs.add(f, json("{'location_id':'loc-1'}"));
        PosSubscriptions.Change second = subs.add(f, json("{'location_id':'loc-1'}"));
        PosError full = assertThrows(PosRefused.class, () -> subs.add(f, json("{}"))).error();

        assertEquals(Set.of("pos:orders:loc:loc-1"), first.keys());
        assertEquals(Set.of(), second.keys(), "the key is in use already");
        assertEquals(PosError.SUBSCRIPTION_LIMIT, full.code());
        assertEquals(2, full.details().getInt("current"));
        assertEquals(2, subs.matching(event("order.paid", "{'location_id':'loc-1'}")).size());

        assertEquals(Set.of(), subs.remove(first.subscriptions().get(0).id()).orElseThrow().keys());
        assertTrue(subs.remove("sub-unknown").isEmpty());
        assertEquals(Set.of("pos:orders:loc:loc-1"), subs.removeAll().keys());
        assertEquals(0, subs.size());
    }
}
