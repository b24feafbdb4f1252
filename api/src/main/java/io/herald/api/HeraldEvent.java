package io.herald.api;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Set;

/**
 * A domain event to deliver to WebSocket subscribers.
 *
 * <p>Fire it with {@code @Inject Event<HeraldEvent>} inside a JTA transaction. Inside Herald, the
 * event is appended to the event log in that transaction and published to every node after commit.
 * In another application that has this jar, {@link HeraldRelay} sends it to Herald's broker bound
 * to that transaction. Either way a rollback discards it; fired outside a transaction it goes out
 * at once.
 *
 * @param product the product whose subscribers may receive it ({@code commerce}, {@code inventory}, ...)
 * @param type the event name in the product's vocabulary, e.g. {@code order:updated}
 * @param data the payload, sent to clients in the product's wire format
 * @param routingKeys the subscription keys that select the receiving sessions, e.g.
 *     {@code commerce:order_changes}; a session receives the event once if any of its keys match.
 *     Keys contain no whitespace (encode user input, as {@code URLEncoder} does)
 * @param durable {@code true} to keep the event in the event log (replay, repair after a crash);
 *     {@code false} for ephemeral high-rate events that skip the log but still reach every node
 */
public record HeraldEvent(String product, String type, JsonObject data, Set<String> routingKeys, boolean durable) {

    public HeraldEvent {
        requireText(product, "product");
        requireText(type, "type");
        Objects.requireNonNull(data, "data");
        routingKeys = Set.copyOf(Objects.requireNonNull(routingKeys, "routingKeys"));
        if (routingKeys.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one routing key");
        }
        for (String key : routingKeys) {
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a routing key must be non-empty and contain no whitespace: '" + key + "'");
            }
        }
    }

    /** A durable event. */
    public static HeraldEvent of(String product, String type, JsonObject data, Set<String> routingKeys) {
        return new HeraldEvent(product, type, data, routingKeys, true);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
