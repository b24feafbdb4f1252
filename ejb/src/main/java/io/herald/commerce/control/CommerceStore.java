package io.herald.commerce.control;

import io.herald.change.entity.TrackedEntity;
import io.herald.common.control.ConflictException;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import io.herald.commerce.entity.CommerceOrder;
import io.herald.commerce.entity.Shipment;
import java.util.List;
import java.util.Map;

/**
 * Create, read, update and delete for the five commerce collections. Each write flushes inside
 * the method so that its event is logged in the same transaction before the method returns.
 */
@Stateless
public class CommerceStore {

    private static final int MAX_LIST = 1000;
    private static final java.util.Set<String> SHIPPABLE = java.util.Set.of("pending", "processing");

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public Map<String, Object> create(CommerceKind kind, JsonInput input) {
        CommerceForms.Form<TrackedEntity> form = kind.form();
        TrackedEntity entity = form.create(input.onlyFields(form.fields()), this::requireExists);
        em.persist(entity);
        flush(kind);
        return entity.wireState();
    }

    /**
     * Ships an order in one transaction: the order's status becomes {@code shipped} and a shipment
     * with the given carrier and tracking number is created. If the shipment cannot be stored
     * (a tracking number already in use) nothing changes and no event is published.
     *
     * @return the new shipment
     */
    public Map<String, Object> ship(long orderId, JsonInput input) {
        input.onlyFields(java.util.Set.of("carrier", "tracking_number"));
        input.requiredText("tracking_number", 100);
        CommerceOrder order = (CommerceOrder) load(CommerceKind.ORDERS, orderId);
        if (!SHIPPABLE.contains(order.getStatus())) {
            throw new ConflictException("Order " + orderId + " is " + order.getStatus() + " and cannot be shipped");
        }
        order.setStatus("shipped");
        flush(CommerceKind.ORDERS);
        Shipment shipment = new Shipment();
        shipment.setOrderId(orderId);
        shipment.setStatus("shipped");
        shipment.setCarrier(input.text("carrier", 50));
        shipment.setTrackingNumber(input.requiredText("tracking_number", 100));
        em.persist(shipment);
        flush(CommerceKind.SHIPMENTS);
        return shipment.wireState();
    }

    public List<Map<String, Object>> list(CommerceKind kind) {
        return em.createNamedQuery(kind.entityClass().getSimpleName() + ".all", kind.entityClass())
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(TrackedEntity::wireState)
                .toList();
    }

    public Map<String, Object> find(CommerceKind kind, long id) {
        return load(kind, id).wireState();
    }

    public Map<String, Object> update(CommerceKind kind, long id, JsonInput input) {
        CommerceForms.Form<TrackedEntity> form = kind.form();
        input.onlyFields(form.fields());
        TrackedEntity entity = load(kind, id);
        form.apply(entity, input, this::requireExists);
        flush(kind);
        return entity.wireState();
    }

    public void delete(CommerceKind kind, long id) {
        em.remove(load(kind, id));
        em.flush();
    }

    /** Writes now, so that events are logged inside this method; constraint violations become 409. */
    private void flush(CommerceKind kind) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException(kind.label() + " conflicts with an existing record (a unique value is already in use)");
        }
    }

    private TrackedEntity load(CommerceKind kind, long id) {
        TrackedEntity entity = em.find(kind.entityClass(), id);
        if (entity == null) {
            throw new UnknownRecordException(kind.label() + " " + id + " not found");
        }
        return entity;
    }

    private void requireExists(Class<? extends TrackedEntity> type, String field, long id) {
        if (em.find(type, id) == null) {
            throw new InvalidInputException(field + " " + id + " does not exist");
        }
    }
}
