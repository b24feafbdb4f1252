package io.herald.commerce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.api.HeraldEvent;
import io.herald.change.entity.EntityChange;
import io.herald.common.control.RecordingEvent;
import io.herald.change.entity.Operation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommerceEventsTest {

    private final List<HeraldEvent> fired = new ArrayList<>();
    private final CommerceEvents cut = new CommerceEvents();

    {
        cut.events = new RecordingEvent<>(fired::add);
    }

    private static Map<String, Object> orderState(String status, String paymentStatus) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", 1L);
        state.put("order_number", "ORD-1");
        state.put("status", status);
        state.put("payment_status", paymentStatus);
        state.put("total", new BigDecimal("99.99"));
        state.put("customer_id", null);
        state.put("currency", "USD");
        return state;
    }

    private static final String STATE_JSON = "\"id\":1,\"order_number\":\"ORD-1\",\"status\":\"processing\",\"payment_status\":\"paid\","
            + "\"total\":99.99,\"customer_id\":null,\"currency\":\"USD\"";

    @Test
    void anUpdateCarriesTheStatePlusChangedFields() {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("status", "processing");
        changed.put("payment_status", "paid");
        var change = new EntityChange("commerce", "order", Operation.UPDATED, orderState("processing", "paid"), changed);

        assertEquals("{" + STATE_JSON + ",\"changed_fields\":{\"status\":\"processing\",\"payment_status\":\"paid\"}}",
                CommerceEvents.payload(change).toString());
    }

    @Test
    void aCreateCarriesOnlyTheState() {
        var change = new EntityChange("commerce", "order", Operation.CREATED, orderState("processing", "paid"), Map.of());

        assertEquals("{" + STATE_JSON + "}", CommerceEvents.payload(change).toString());
    }

    @Test
    void aDeleteCarriesOnlyTheLastState() {
        var change = new EntityChange("commerce", "order", Operation.DELETED, orderState("processing", "paid"), Map.of("status", "x"));

        assertEquals("{" + STATE_JSON + "}", CommerceEvents.payload(change).toString());
    }

    @Test
    void anUpdateWithAChangeToNullNamesItAsNull() {
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("customer_id", null);
        var change = new EntityChange("commerce", "order", Operation.UPDATED, orderState("processing", "paid"), changed);

        assertTrue(CommerceEvents.payload(change).getJsonObject("changed_fields").isNull("customer_id"));
    }

    @Test
    void theEventIsDurableOnTheEntitysChannel() {
        var change = new EntityChange("commerce", "shipment", Operation.CREATED, Map.of("id", 3L), Map.of());

        HeraldEvent event = CommerceEvents.toEvent(change);

        assertEquals("commerce", event.product());
        assertEquals("shipment:created", event.type());
        assertEquals(Set.of("commerce:shipment_changes"), event.routingKeys());
        assertTrue(event.durable());
        assertEquals("{\"id\":3}", event.data().toString());
    }

    @Test
    void commerceChangesOfEveryEntityAreFired() {
        for (String entity : List.of("order", "product", "customer", "shipment", "transaction")) {
            cut.onChange(new EntityChange("commerce", entity, Operation.DELETED, Map.of("id", 1L), Map.of()));
        }

        assertEquals(List.of("order:deleted", "product:deleted", "customer:deleted", "shipment:deleted", "transaction:deleted"),
                fired.stream().map(HeraldEvent::type).toList());
        assertEquals(Set.of("commerce:transaction_changes"), fired.get(4).routingKeys());
    }

    @Test
    void changesOfOtherProductsOrUnknownEntitiesAreIgnored() {
        cut.onChange(new EntityChange("inventory", "order", Operation.CREATED, Map.of("id", 1L), Map.of()));
        cut.onChange(new EntityChange("commerce", "user", Operation.CREATED, Map.of("id", 1L), Map.of()));

        assertEquals(List.of(), fired);
    }
}
