package io.herald.publish.control;

import io.herald.api.HeraldEvent;
import io.herald.commerce.control.CommerceChannels;
import io.herald.common.control.InvalidInputException;
import io.herald.inventory.control.InventoryKeys;
import io.herald.orders.control.OrdersKeys;
import io.herald.pos.control.PosKeys;
import io.herald.trading.control.TradingKeys;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    @Inject
    Event<HeraldEvent> events;

    /**
     * @throws InvalidInputException for an unknown product or a routing key of another product
     */
    public void accept(HeraldEvent event) {
        if (!PRODUCTS.contains(event.product())) {
            throw new InvalidInputException("product must be one of " + String.join(", ", new java.util.TreeSet<>(PRODUCTS)));
        }
        for (String key : event.routingKeys()) {
            if (!key.startsWith(event.product() + ":")) {
                throw new InvalidInputException("routing key '" + key + "' does not belong to product " + event.product());
            }
        }
        events.fire(event);
    }
}
