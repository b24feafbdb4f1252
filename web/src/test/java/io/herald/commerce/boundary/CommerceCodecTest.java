package io.herald.commerce.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.delivery.control.EventEnvelope;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import io.herald.socket.SocketCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommerceCodecTest {

    private static SocketCommand<CommerceConnection> decode(String json) {
        return CommerceCodec.decode(json.replace('\'', '"'));
    }

    // --- decode

    @Test
    void ping() {
        assertEquals(new SocketCommand.Ping<>(), decode("{'type':'ping'}"));
    }

    @Test
    void subscribeAndUnsubscribeCarryTheChannel() {
        assertEquals(new CommerceCommand.Subscribe("order_changes", null), decode("{'type':'subscribe','channel':'order_changes'}"));
        assertEquals(new CommerceCommand.Unsubscribe("order_changes"), decode("{'type':'unsubscribe','channel':'order_changes'}"));
    }

    @Test
    void anUnknownChannelIsStillASubscribeForTheConnectionToRefuse() {
        assertEquals(new CommerceCommand.Subscribe("user_changes", null), decode("{'type':'subscribe','channel':'user_changes'}"));
    }

    @Test
    void extraFieldsAreIgnored() {
        assertEquals(new SocketCommand.Ping<>(), decode("{'type':'ping','id':7}"));
        assertEquals(new CommerceCommand.Subscribe("order_changes", null),
                decode("{'channel':'order_changes','filter':{'status':'paid'},'type':'subscribe'}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json", "{'type':'ping',}", "{type:'ping'}"})
    void invalidJson(String text) {
        assertEquals(new SocketCommand.Invalid<>("Invalid JSON"), decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "['ping']", "'ping'", "42", "null", "true"})
    void messagesMustBeObjects(String text) {
        assertEquals(new SocketCommand.Invalid<>("Message must be a JSON object"), decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'type':null}", "{'type':1}", "{'type':['ping']}", "{'Type':'ping'}", "{'channel':'order_changes'}"})
    void missingMessageType(String text) {
        assertEquals(new SocketCommand.Invalid<>("Missing message type"), decode(text));
    }

    @Test
    void unknownMessageTypeIsNamed() {
        assertEquals(new SocketCommand.Invalid<>("Unknown message type: dance"), decode("{'type':'dance'}"));
        assertEquals(new SocketCommand.Invalid<>("Unknown message type: PING"), decode("{'type':'PING'}"));
        assertEquals(new SocketCommand.Invalid<>("Unknown message type: "), decode("{'type':''}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",'channel':null", ",'channel':''", ",'channel':'  '", ",'channel':5", ",'channel':['order_changes']"})
    void subscribeAndUnsubscribeNeedAChannel(String channel) {
        assertEquals(new SocketCommand.Invalid<>("Missing channel"), decode("{'type':'subscribe'" + channel + "}"));
        assertEquals(new SocketCommand.Invalid<>("Missing channel"), decode("{'type':'unsubscribe'" + channel + "}"));
    }

    @Test
    void trailingTextAfterTheMessageIsInvalidJson() {
        assertEquals(new SocketCommand.Invalid<>("Invalid JSON"), decode("{'type':'ping'} {'type':'subscribe'}"));
    }

    // --- encode

    @Test
    void connected() {
        assertEquals("{\"type\":\"connected\",\"message\":\"WebSocket connection established\",\"userId\":7}",
                CommerceCodec.connected(7));
    }

    @Test
    void pong() {
        assertEquals("{\"type\":\"pong\"}", CommerceCodec.pong());
    }

    @Test
    void error() {
        assertEquals("{\"type\":\"error\",\"message\":\"Unknown channel: user_changes\"}", CommerceCodec.error("Unknown channel: user_changes"));
        assertEquals("{\"type\":\"error\",\"message\":\"say \\\"hi\\\"\"}", CommerceCodec.error("say \"hi\""));
    }

    @Test
    void confirmation() {
        assertEquals("{\"type\":\"subscribed\",\"channel\":\"order_changes\"}", CommerceCodec.confirmation("subscribed", "order_changes"));
        assertEquals("{\"type\":\"unsubscribed\",\"channel\":\"shipment_changes\"}",
                CommerceCodec.confirmation("unsubscribed", "shipment_changes"));
    }

    @Test
    void event() {
        EventEnvelope e = new EventEnvelope(42, "commerce", "order:updated", Set.of("commerce:order_changes"),
                Json.createObjectBuilder().add("id", 1).add("status", "paid").add("total", new BigDecimal("99.90"))
                        .add("changed_fields", Json.createObjectBuilder().add("status", "paid")).build(),
                Instant.parse("2026-01-25T10:30:00.12Z"));

        assertEquals("{\"event\":\"order:updated\",\"data\":{\"id\":1,\"status\":\"paid\",\"total\":99.90,"
                + "\"changed_fields\":{\"status\":\"paid\"}},\"timestamp\":\"2026-01-25T10:30:00.120Z\"}", CommerceCodec.event(e));
    }

    @Test
    void eventsCarryNeitherIdNorRoutingKeys() {
        EventEnvelope e = new EventEnvelope(0, "commerce", "product:deleted", Set.of("commerce:product_changes"),
                Json.createObjectBuilder().build(), Instant.parse("2026-01-25T23:59:59.999Z"));

        assertEquals("{\"event\":\"product:deleted\",\"data\":{},\"timestamp\":\"2026-01-25T23:59:59.999Z\"}", CommerceCodec.event(e));
    }
}
