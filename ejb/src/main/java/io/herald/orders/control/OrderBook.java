package io.herald.orders.control;

import io.herald.api.HeraldEvent;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.orders.entity.ApiOrder;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Orders of organizations. Each organization sees and changes only its own orders; anyone
 * else's are "not found". Creation and every status change publish an event in the same
 * transaction (see {@link OrdersKeys#ofOrderEvent} for where each goes).
 */
@Stateless
public class OrderBook {

    private static final int MAX_LIST = 1000;
    private static final int MAX_ID = 64;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    /** {@code {"reference"}} (optional, at most 100 characters); {@code input} may be {@code null} for no body. */
    public OrderView create(String organizationId, JsonInput input) {
        String reference = null;
        if (input != null) {
            input.onlyFields(Set.of("reference"));
            reference = input.text("reference", 100);
        }
        return create(organizationId, reference);
    }

    public OrderView create(String organizationId, String reference) {
        ApiOrder order = new ApiOrder(RandomIds.orderId(), organizationId, OrderLifecycle.PENDING, reference, now());
        em.persist(order);
        em.flush();
        OrderView view = OrderView.of(order);
        publish(view, OrdersKeys.ORDER_CREATED, null);
        return view;
    }

    /** The organization's orders, newest first, at most 1000. */
    public List<OrderView> list(String organizationId) {
        return em.createNamedQuery("ApiOrder.byOrganization", ApiOrder.class)
                .setParameter("org", organizationId)
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(OrderView::of)
                .toList();
    }

    public OrderView find(String organizationId, String orderId) {
        return OrderView.of(owned(organizationId, orderId, LockModeType.NONE));
    }

    /** {@code {"status"}}; the same status again changes nothing and publishes nothing. */
    public OrderView changeStatus(String organizationId, String orderId, JsonInput input) {
        input.onlyFields(Set.of("status"));
        return changeStatus(organizationId, orderId, input.requiredText("status", 64));
    }

    /**
     * Moves the order along its lifecycle. The row is locked first, so concurrent changes on
     * several nodes apply one after the other and each event's {@code previous_status} is true.
     */
    public OrderView changeStatus(String organizationId, String orderId, String status) {
        ApiOrder order = owned(organizationId, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (!OrderLifecycle.check(order.getStatus(), status)) {
            return OrderView.of(order);
        }
        String previous = order.changeStatus(status, now());
        em.flush();
        OrderView view = OrderView.of(order);
        publish(view, OrdersKeys.STATUS_CHANGED, previous);
        return view;
    }

    /** The organization that owns an order, if it exists. */
    public Optional<String> organizationOf(String orderId) {
        if (orderId == null || orderId.length() > MAX_ID) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(ApiOrder.class, orderId)).map(ApiOrder::getOrganizationId);
    }

    private void publish(OrderView order, String type, String previousStatus) {
        events.fire(HeraldEvent.of(OrdersKeys.PRODUCT, type, order.event(type, previousStatus),
                OrdersKeys.ofOrderEvent(type, order.id(), order.organizationId())));
    }

    private ApiOrder owned(String organizationId, String orderId, LockModeType lock) {
        ApiOrder order = orderId == null || orderId.length() > MAX_ID ? null : em.find(ApiOrder.class, orderId, lock);
        if (order == null || !order.getOrganizationId().equals(organizationId)) {
            throw new UnknownRecordException("Order " + orderId + " not found");
        }
        return order;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
