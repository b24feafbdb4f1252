package io.herald.commerce.boundary;

import io.herald.operations.control.ProductMeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.delivery.control.Delivery;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.eventlog.control.EventReplay;
import jakarta.json.Json;
import java.time.Instant;
import io.herald.socket.FakeSession;
import io.herald.socket.SendLimits;
import io.herald.socket.SocketSubscriber;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A commerce client's commands as the codec decodes them and a connection runs them. */
class CommerceConnectionTest {

    private final SessionRegistry registry = new SessionRegistry();
    private final FakeSession client = new FakeSession("s1");
    private final SocketSubscriber subscriber = new SocketSubscriber(client.session(), new ProductMeter("commerce"), "commerce", CommerceCodec::event, new SendLimits(10, 1 << 20, 1 << 20), Runnable::run);
    private final CommerceConnection cut = new CommerceConnection(subscriber, registry, null, null);

    private String run(String frame) {
        return CommerceCodec.decode(frame.replace('\'', '"')).runOn(cut);
    }

    @Test
    void pingIsAnsweredWithPongAndAnInvalidMessageWithItsError() {
        assertEquals("{\"type\":\"pong\"}", run("{'type':'ping'}"));
        assertEquals("{\"type\":\"error\",\"message\":\"Missing channel\"}", run("{'type':'subscribe'}"));
    }

    @Test
    void subscribeToADocumentedChannel() {
        assertEquals("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}", run("{'type':'subscribe','channel':'order_changes'}"));

        assertTrue(registry.isSubscribed(cut, "commerce:order_changes"));
        assertEquals(Set.of(cut), registry.match(List.of("commerce:order_changes")));
    }

    @Test
    void subscribingTwiceIsConfirmedTwiceButIsOneSubscription() {
        run("{'type':'subscribe','channel':'order_changes'}");
        assertEquals("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}", run("{'type':'subscribe','channel':'order_changes'}"));

        run("{'type':'unsubscribe','channel':'order_changes'}");
        assertFalse(registry.isSubscribed(cut, "commerce:order_changes"));
    }

    @Test
    void unsubscribe() {
        run("{'type':'subscribe','channel':'shipment_changes'}");

        assertEquals("{\"type\":\"unsubscribed\",\"channel\":\"shipment_changes\"}",
                run("{'type':'unsubscribe','channel':'shipment_changes'}"));
        assertEquals(Set.of(), registry.match(List.of("commerce:shipment_changes")));
    }

    @Test
    void unsubscribeWithoutASubscriptionIsStillConfirmed() {
        assertEquals("{\"type\":\"unsubscribed\",\"channel\":\"order_changes\"}", run("{'type':'unsubscribe','channel':'order_changes'}"));
    }

    @Test
    void unknownChannelsAreRefused() {
        assertEquals("{\"type\":\"error\",\"message\":\"Unknown channel: user_changes\"}", run("{'type':'subscribe','channel':'user_changes'}"));
        assertEquals("{\"type\":\"error\",\"message\":\"Unknown channel: user_changes\"}",
                run("{'type':'unsubscribe','channel':'user_changes'}"));
        assertEquals(0, registry.size());
    }

    @Test
    void pingAndErrorsDoNotTouchSubscriptions() {
        assertEquals("{\"type\":\"pong\"}", run("{'type':'ping'}"));
        assertEquals("{\"type\":\"error\",\"message\":\"Unknown message type: dance\"}", run("{'type':'dance'}"));
        assertEquals(0, registry.size());
    }

    private static EventEnvelope order(long id) {
        return new EventEnvelope(id, "commerce", "order:updated", Set.of("commerce:order_changes"),
                Json.createObjectBuilder().add("id", id).build(), Instant.parse("2026-11-24T10:00:00Z"), "ep");
    }

    /** A replay whose log read sees {@code missed} while live events arrive meanwhile. */
    private CommerceConnection resumingWith(List<EventEnvelope> missed, String gap, EventEnvelope... liveMeanwhile) {
        return resumingWith("ep.4", missed, gap, liveMeanwhile);
    }

    private CommerceConnection resumingWith(String resumeId, List<EventEnvelope> missed, String gap, EventEnvelope... liveMeanwhile) {
        EventReplay replay = new EventReplay() {
            @Override
            public Missed since(String product, Set<String> keys, String lastEventId) {
                assertEquals("commerce", product);
                assertEquals(Set.of("commerce:order_changes"), keys);
                assertEquals(resumeId, lastEventId);
                for (EventEnvelope e : liveMeanwhile) {
                    registry.match(e.routingKeys()).forEach(s -> s.deliver(new Delivery(e)));
                }
                return new Missed(missed, gap);
            }
        };
        return new CommerceConnection(subscriber, registry, replay, null);
    }

    @Test
    void resumeSendsTheConfirmationThenWhatWasMissedThenWhatArrivedMeanwhileOnceEach() {
        client.completeAtOnce();
        CommerceConnection resuming = resumingWith(List.of(order(5), order(6)), null, order(6), order(7));

        assertEquals(null, CommerceCodec.decode("{\"type\":\"subscribe\",\"channel\":\"order_changes\",\"last_event_id\":\"ep.4\"}").runOn(resuming));

        assertEquals(List.of("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}",
                CommerceCodec.event(order(5)), CommerceCodec.event(order(6)), CommerceCodec.event(order(7))), client.sent);
        assertTrue(client.sent.get(1).contains("\"event_id\":\"ep.5\""), client.sent.get(1));
        registry.match(Set.of("commerce:order_changes")).forEach(s -> s.deliver(new Delivery(order(8))));
        assertEquals(CommerceCodec.event(order(8)), client.sent.get(4), "then live events go straight out");
        registry.match(Set.of("commerce:order_changes")).forEach(s -> s.deliver(new Delivery(order(5))));
        assertEquals(5, client.sent.size(), "a replayed event that the topic brings later (a dead node's, republished) is not sent twice");
    }

    @Test
    void aResumeTheLogCannotServeSendsTheGapThenLiveEvents() {
        client.completeAtOnce();
        CommerceConnection resuming = resumingWith(List.of(), "the event id is from another event log", order(9));

        CommerceCodec.decode("{\"type\":\"subscribe\",\"channel\":\"order_changes\",\"last_event_id\":\"ep.4\"}").runOn(resuming);

        assertEquals(List.of("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}",
                "{\"type\":\"gap\",\"channel\":\"order_changes\",\"last_event_id\":\"ep.4\",\"reason\":\"the event id is from another event log\"}",
                CommerceCodec.event(order(9))), client.sent);
    }

    @Test
    void aLastEventIdThatIsNotAShortStringIsAnError() {
        assertEquals("{\"type\":\"error\",\"message\":\"last_event_id must be a string of at most 256 characters\"}",
                run("{'type':'subscribe','channel':'order_changes','last_event_id':42}"));
        assertFalse(registry.isSubscribed(cut, "commerce:order_changes"));
    }

    private void live(EventEnvelope e) {
        registry.match(e.routingKeys()).forEach(s -> s.deliver(new Delivery(e)));
    }

    @Test
    void aLateCommitTheClientHadBeforeItResumedIsNotSentAgainButAnOpenIdIs() {
        client.completeAtOnce();
        // the client had everything up to 10 except 7 (not committed when 10 went out on the node it left)
        CommerceConnection resuming = resumingWith("ep.10h7", List.of(order(11)), null, order(6));

        CommerceCodec.decode("{\"type\":\"subscribe\",\"channel\":\"order_changes\",\"last_event_id\":\"ep.10h7\"}").runOn(resuming);
        live(order(9)); // a late commit the node it left delivered and this one finds only now
        live(order(7)); // the open id commits
        live(order(12));
        live(new EventEnvelope(3, "commerce", "order:updated", Set.of("commerce:order_changes"),
                Json.createObjectBuilder().add("id", 3).build(), Instant.parse("2026-11-24T10:00:00Z"), "other-log"));

        assertEquals(List.of("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}", CommerceCodec.event(order(11)),
                CommerceCodec.event(order(7)), CommerceCodec.event(order(12)),
                CommerceCodec.event(new EventEnvelope(3, "commerce", "order:updated", Set.of("commerce:order_changes"),
                        Json.createObjectBuilder().add("id", 3).build(), Instant.parse("2026-11-24T10:00:00Z"), "other-log"))),
                client.sent, "6 (held during the replay) and 9 are below the resume point; 7 was open; another log's ids do not compare");
    }

    @Test
    void aGapLeavesNoFloor() {
        client.completeAtOnce();
        CommerceConnection resuming = resumingWith("ep.10", List.of(), "the event id is from another event log");

        CommerceCodec.decode("{\"type\":\"subscribe\",\"channel\":\"order_changes\",\"last_event_id\":\"ep.10\"}").runOn(resuming);
        live(order(9));

        assertEquals(CommerceCodec.event(order(9)), client.sent.get(2));
    }
}
