package io.herald.orders.control;

import java.util.Objects;

/**
 * Who a connection is after a successful {@code connect}.
 *
 * @param apiKey the key it connected with
 * @param organizationId the key's organization
 * @param signed {@code true} if the connect carried a valid {@code authorization_signature},
 *     which the organization scope requires
 */
public record OrderClient(String apiKey, String organizationId, boolean signed) {

    public OrderClient {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(organizationId, "organizationId");
    }
}
