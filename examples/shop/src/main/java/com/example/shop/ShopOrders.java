package com.example.shop;

import io.herald.api.HeraldEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The shop's order service. Every method runs in a JTA transaction (a stateless EJB); the entity
 * listener and the CDI event below hand their events to Herald in that transaction.
 */
@Stateless
public class ShopOrders {

    /** The carrier takes parcels up to this value; above it the shipment, and everything with it, is rolled back. */
    static final BigDecimal CARRIER_LIMIT = new BigDecimal("10000");

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<HeraldEvent> herald;

    public ShopOrder create(long customerId, BigDecimal total, String currency) {
        ShopOrder order = new ShopOrder("SHOP-" + System.currentTimeMillis(), customerId, total, currency);
        em.persist(order);
        return order;
    }

    public ShopOrder pay(long id) {
        ShopOrder order = find(id);
        order.pay();
        return order;
    }

    /**
     * Ships a paid order: the order is written first, Herald is told of the shipment with a CDI
     * event, then the carrier is booked. A carrier refusal rolls all of it back: the order's
     * {@code order:updated} and the {@code shipment:created} never reach Herald's clients.
     */
    public ShopOrder ship(long id) {
        ShopOrder order = find(id);
        order.ship();
        em.flush();
        herald.fire(HeraldEvent.of("commerce", "shipment:created",
                Json.createObjectBuilder().add("order_id", order.getId()).add("order_number", order.getOrderNumber()).add("status", "booked").build(),
                Set.of("commerce:shipment_changes")));
        if (order.getTotal().compareTo(CARRIER_LIMIT) > 0) {
            throw new OrderRuleException("The carrier does not take parcels worth more than " + CARRIER_LIMIT);
        }
        return order;
    }

    public ShopOrder find(long id) {
        ShopOrder order = em.find(ShopOrder.class, id);
        if (order == null) {
            throw new OrderRuleException("No order " + id);
        }
        return order;
    }
}
