package io.herald.change.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.commerce.entity.CommerceOrder;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ChangeListenerTest {

    private final List<EntityChange> fired = new ArrayList<>();
    private final ChangeListener cut = new ChangeListener();

    {
        cut.changes = new Event<>() {
            @Override
            public void fire(EntityChange event) {
                fired.add(event);
            }

            @Override
            public <U extends EntityChange> CompletionStage<U> fireAsync(U event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends EntityChange> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Event<EntityChange> select(Annotation... qualifiers) {
                return this;
            }

            @Override
            public <U extends EntityChange> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <U extends EntityChange> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static CommerceOrder order() {
        CommerceOrder o = new CommerceOrder();
        o.setOrderNumber("ORD-1");
        o.setStatus("pending");
        o.setPaymentStatus("pending");
        o.setTotal(new BigDecimal("99.99"));
        o.setCustomerId(45L);
        o.setCurrency("USD");
        return o;
    }

    @Test
    void createThenUpdateNamesOnlyWhatChangedSinceTheCreate() {
        CommerceOrder o = order();
        cut.created(o);
        o.setStatus("processing");
        o.setPaymentStatus("paid");
        cut.updated(o);

        assertEquals(2, fired.size());
        assertEquals("order:created", fired.get(0).eventType());
        assertEquals(Map.of(), fired.get(0).changedFields());
        assertEquals("order:updated", fired.get(1).eventType());
        assertEquals(Map.of("status", "processing", "payment_status", "paid"), fired.get(1).changedFields());
        assertEquals("processing", fired.get(1).state().get("status"));
    }

    @Test
    void consecutiveUpdatesAreMeasuredFromThePreviousUpdate() {
        CommerceOrder o = order();
        cut.loaded(o);
        o.setStatus("processing");
        cut.updated(o);
        o.setStatus("shipped");
        cut.updated(o);

        assertEquals(Map.of("status", "shipped"), fired.get(1).changedFields());
    }

    @Test
    void anUpdateThatChangesNoWireFieldFiresNothing() {
        CommerceOrder o = order();
        cut.loaded(o);
        o.setTotal(new BigDecimal("99.990"));
        cut.updated(o);
        assertEquals(List.of(), fired);
    }

    @Test
    void deleteCarriesTheLastState() {
        CommerceOrder o = order();
        cut.loaded(o);
        cut.removed(o);
        assertEquals("order:deleted", fired.get(0).eventType());
        assertEquals("ORD-1", fired.get(0).state().get("order_number"));
    }
}
