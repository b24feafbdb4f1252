package io.herald.orders.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A key just created, with its secret: {@code {"api_key","secret","organization_id","created_at"}}.
 * This is the only time the secret is shown.
 */
public record IssuedKey(String apiKey, String secret, String organizationId, Instant createdAt) {

    public JsonObject wire() {
        return JSON.createObjectBuilder()
                .add("api_key", apiKey)
                .add("secret", secret)
                .add("organization_id", organizationId)
                .add("created_at", WireJson.timestamp(createdAt))
                .build();
    }

    @Override
    public String toString() {
        return "IssuedKey[apiKey=" + apiKey + ", organizationId=" + organizationId + "]";
    }
}
