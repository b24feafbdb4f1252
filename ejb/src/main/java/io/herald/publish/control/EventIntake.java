package io.herald.publish.control;

import io.herald.api.HeraldEvent;
import io.herald.commerce.control.CommerceChannels;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.inventory.control.InventoryKeys;
import io.herald.orders.control.OrdersKeys;
import io.herald.pos.control.PosKeys;
import io.herald.trading.control.TradingKeys;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Fires a published event as the CDI event Herald's own entities fire, in a transaction of its
 * own: a durable event is in the event log when this returns; an ephemeral one is handed to the
 * publisher after the commit.
 */
@Stateless
public class EventIntake {

    /** The products whose subscribers an event may reach. */
    public static final Set<String> PRODUCTS = Set.of(CommerceChannels.PRODUCT, InventoryKeys.PRODUCT, OrdersKeys.PRODUCT, PosKeys.PRODUCT, TradingKeys.PRODUCT);

    private static final Set<String> FIELDS = Set.of("product", "type", "routing_keys", "data", "durable");

    @Inject
    Event<HeraldEvent> events;

    /**
     * Reads a published event, {@code {"product","type","routing_keys":[…],"data":{…},"durable"?}}
     * ({@link io.herald.api.HeraldWire}: the body of {@code POST /api/events} and the messages
     * applications send with the API jar), and checks it as {@link #accept} does.
     *
     * @throws InvalidInputException naming what is wrong
     */
    public static HeraldEvent read(String text) {
        JsonInput input = JsonInput.parse(text).onlyFields(FIELDS);
        HeraldEvent event;
        try {
            event = new HeraldEvent(input.requiredText("product", 40), input.requiredText("type", 80), input.object("data"),
                    new LinkedHashSet<>(input.texts("routing_keys", 32, 200)), input.flag("durable", true));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        check(event);
        return event;
    }

    /**
     * @throws InvalidInputException for an unknown product or a routing key of another product
     */
    public void accept(HeraldEvent event) {
        check(event);
        events.fire(event);
    }

    private static void check(HeraldEvent event) {
        if (!PRODUCTS.contains(event.product())) {
            throw new InvalidInputException("product must be one of " + String.join(", ", new java.util.TreeSet<>(PRODUCTS)));
        }
        for (String key : event.routingKeys()) {
            if (!key.startsWith(event.product() + ":")) {
                throw new InvalidInputException("routing key '" + key + "' does not belong to product " + event.product());
            }
        }
    }
}
