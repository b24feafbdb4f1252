package io.herald.orders.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.orders.entity.ApiKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * An API key as the admin API lists it, never with its secret:
 * {@code {"api_key","organization_id","created_at","revoked","revoked_at"}}.
 */
public record KeyView(String apiKey, String organizationId, Instant createdAt, Instant revokedAt) {

    static KeyView of(ApiKey k) {
        return new KeyView(k.getApiKey(), k.getOrganizationId(), k.getCreatedAt(), k.getRevokedAt());
    }

    public JsonObject wire() {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("api_key", apiKey)
                .add("organization_id", organizationId)
                .add("created_at", WireJson.timestamp(createdAt))
                .add("revoked", revokedAt != null);
        WireJson.add(b, "revoked_at", revokedAt);
        return b.build();
    }
}
