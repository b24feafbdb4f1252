package io.herald.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * The message an application sends to Herald: the body of Herald's {@code POST /api/events},
 * {@code {"product","type","routing_keys":[…],"data":{…},"durable":true|false}}, as a JMS text
 * message to the queue {@value #INGEST_QUEUE} of Herald's broker.
 */
public final class HeraldWire {

    /** The broker address (an anycast queue) Herald's nodes take published events from. */
    public static final String INGEST_QUEUE = "herald.ingest";
    /** Where Herald moves a message it cannot accept, with {@value #REJECTED_PROPERTY} saying why. */
    public static final String DEAD_LETTER_QUEUE = "herald.ingest.dead";
    public static final String REJECTED_PROPERTY = "heraldRejected";

    private HeraldWire() {
    }

    public static String encode(HeraldEvent event) {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        event.routingKeys().stream().sorted().forEach(keys::add);
        return Json.createObjectBuilder()
                .add("product", event.product())
                .add("type", event.type())
                .add("routing_keys", keys)
                .add("data", event.data())
                .add("durable", event.durable())
                .build()
                .toString();
    }

    /**
     * The message group of an event: events with the same product and routing keys are taken by
     * one consumer at a time, in the order they were sent, so Herald logs them in that order.
     */
    static String group(HeraldEvent event) {
        return event.product() + "|" + String.join(",", event.routingKeys().stream().sorted().toList());
    }
}
