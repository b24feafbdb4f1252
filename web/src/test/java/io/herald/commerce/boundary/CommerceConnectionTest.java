package io.herald.commerce.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.delivery.control.SessionRegistry;
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
    private final SocketSubscriber subscriber = new SocketSubscriber(client.session(), "commerce", CommerceCodec::event, new SendLimits(10, 1 << 20, 1 << 20), Runnable::run);
    private final CommerceConnection cut = new CommerceConnection(subscriber, registry, null);

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
}
