package io.herald.orders.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.orders.entity.ApiOrder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** An order as the REST API shows it and as its events carry it. */
public record OrderView(String id, String organizationId, String status, String reference, Instant createdAt, Instant updatedAt) {

    static OrderView of(ApiOrder o) {
        return new OrderView(o.getId(), o.getOrganizationId(), o.getStatus(), o.getReference(), o.getCreatedAt(), o.getUpdatedAt());
    }

    /** {@code {"id","organization_id","status","reference","created_at","updated_at"}} */
    public JsonObject rest() {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", id)
                .add("organization_id", organizationId)
                .add("status", status);
        WireJson.add(b, "reference", reference);
        return b.add("created_at", WireJson.timestamp(createdAt))
                .add("updated_at", WireJson.timestamp(updatedAt))
                .build();
    }

    /**
     * The payload of an event: {@code {"event","order_id","organization_id","status",
     * "previous_status","reference","updated_at"}}.
     */
    public JsonObject event(String type, String previousStatus) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("event", type)
                .add("order_id", id)
                .add("organization_id", organizationId)
                .add("status", status);
        WireJson.add(b, "previous_status", previousStatus);
        WireJson.add(b, "reference", reference);
        return b.add("updated_at", WireJson.timestamp(updatedAt)).build();
    }
}
