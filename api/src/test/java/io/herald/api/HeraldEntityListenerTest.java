package io.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeraldEntityListenerTest {

    @HeraldEntity(product = "commerce", name = "order", routingKeys = "commerce:order_changes")
    public static class Order {
        public long id = 7;
        @JsonbProperty("order_number")
        public String orderNumber = "ORD-7";
        public String status = "pending";
        public BigDecimal total = new BigDecimal("99.99");
        @JsonbTransient
        public String secret = "not on the wire";

        /** Like many entities: equality by state, so a HashMap could not find a changed one again. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Order other && other.status.equals(status) && other.id == id;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, status);
        }
    }

    public static class Unmarked {
    }

    @Test
    void theStateIsTheEntityAsJsonbWritesIt() {
        assertEquals(Json.createObjectBuilder().add("id", 7).add("order_number", "ORD-7").add("status", "pending").add("total", new BigDecimal("99.99")).build(),
                HeraldEntityListener.state(new Order()));
    }

    @Test
    void changedFieldsHoldTheNewValuesAndNullForAFieldThatIsGone() {
        JsonObject before = Json.createObjectBuilder().add("id", 7).add("status", "pending").add("note", "x").build();
        JsonObject after = Json.createObjectBuilder().add("id", 7).add("status", "paid").add("total", 5).build();
        assertEquals(Json.createObjectBuilder().add("status", "paid").add("total", 5).addNull("note").build(),
                HeraldEntityListener.changedFields(before, after));
        assertTrue(HeraldEntityListener.changedFields(after, after).isEmpty());
    }

    @Test
    void theAnnotationNamesTheEventAndItsRouting() {
        HeraldEvent event = HeraldEntityListener.event(Order.class, "updated", Json.createObjectBuilder().build());
        assertEquals("commerce", event.product());
        assertEquals("order:updated", event.type());
        assertEquals(Set.of("commerce:order_changes"), event.routingKeys());
        assertTrue(event.durable());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HeraldEntityListener.event(Unmarked.class, "created", Json.createObjectBuilder().build()));
        assertTrue(e.getMessage().contains("has no @HeraldEntity"), e.getMessage());
    }

    @Test
    void snapshotsAreKeptByIdentityEvenWhenTheEntitysHashChanges() {
        IdentitySnapshots snapshots = new IdentitySnapshots();
        Order order = new Order();
        JsonObject loaded = HeraldEntityListener.state(order);
        assertNull(snapshots.put(order, loaded));
        order.status = "paid";
        assertSame(loaded, snapshots.put(order, HeraldEntityListener.state(order)));
        assertNull(snapshots.put(new Order(), loaded), "an equal but different instance has its own snapshot");
        snapshots.remove(order);
        assertEquals(1, snapshots.size());
    }

    @HeraldEntity(product = "orders", name = "order", routingKeys = {"orders:org:{organization_id}", "orders:order:{id}"})
    public static class ScopedOrder {
    }

    @Test
    void fieldsInRoutingKeysComeFromTheStateUrlEncoded() {
        JsonObject state = Json.createObjectBuilder().add("id", "ord 1").add("organization_id", 42).build();
        assertEquals(Set.of("orders:org:42", "orders:order:ord+1"), HeraldEntityListener.event(ScopedOrder.class, "created", state).routingKeys());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HeraldEntityListener.event(ScopedOrder.class, "created", Json.createObjectBuilder().add("id", "x").addNull("organization_id").build()));
        assertTrue(e.getMessage().contains("needs the field organization_id"), e.getMessage());
    }
}
