package io.herald.orders.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.orders.entity.Organization;
import jakarta.json.JsonObject;
import java.time.Instant;

/** An organization as the admin API shows it: {@code {"id","name","created_at"}}. */
public record OrganizationView(String id, String name, Instant createdAt) {

    static OrganizationView of(Organization o) {
        return new OrganizationView(o.getId(), o.getName(), o.getCreatedAt());
    }

    public JsonObject wire() {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("created_at", WireJson.timestamp(createdAt))
                .build();
    }
}
