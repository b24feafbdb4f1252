package io.herald.pos.control;

import static io.herald.common.control.Jsons.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A refusal in document 003's error shape: {@code code}, {@code message} and the fields the code
 * carries ({@code channel}, {@code required_permission}, {@code current}/{@code limit}).
 */
public record PosError(String code, String message, JsonObject details) {

    public static final String CHANNEL_NOT_FOUND = "channel_not_found";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String INVALID_PARAMS = "invalid_params";
    public static final String SUBSCRIPTION_LIMIT = "subscription_limit";
    /** Not in the document: {@code unsubscribe} with an id this connection does not hold. */
    public static final String SUBSCRIPTION_NOT_FOUND = "subscription_not_found";
    /** Not in the document: a frame that is not JSON, not an object, or of no known type. */
    public static final String INVALID_MESSAGE = "invalid_message";
    /** Not in the document: a {@code presence_join} beyond the connection's limit ({@code current}, {@code limit}). */
    public static final String PRESENCE_LIMIT = "presence_limit";
    /** Not in the document: a message over the connection's inbound rate limit, not read. */
    public static final String RATE_LIMIT_EXCEEDED = "rate_limit_exceeded";

    public static PosError channelNotFound(String channel) {
        return new PosError(CHANNEL_NOT_FOUND, "Channel '" + channel + "' does not exist", JsonObject.EMPTY_JSON_OBJECT);
    }

    public static PosError unauthorized(String message, PosChannel channel, String requiredPermission) {
        JsonObjectBuilder details = JSON.createObjectBuilder().add("channel", channel.wireName());
        if (requiredPermission != null) {
            details.add("required_permission", requiredPermission);
        }
        return new PosError(UNAUTHORIZED, message, details.build());
    }

    public static PosError invalidParams(String message, String channel) {
        return new PosError(INVALID_PARAMS, message, JSON.createObjectBuilder().add("channel", channel).build());
    }

    public static PosError limit(int current, int limit) {
        return new PosError(SUBSCRIPTION_LIMIT, "Maximum subscriptions reached",
                JSON.createObjectBuilder().add("current", current).add("limit", limit).build());
    }

    public static PosError presenceLimit(int current, int limit) {
        return new PosError(PRESENCE_LIMIT, "Maximum presence joins reached",
                JSON.createObjectBuilder().add("current", current).add("limit", limit).build());
    }

    public static PosError rateLimited(String message) {
        return new PosError(RATE_LIMIT_EXCEEDED, message, JsonObject.EMPTY_JSON_OBJECT);
    }

    public static PosError subscriptionNotFound(String id) {
        return new PosError(SUBSCRIPTION_NOT_FOUND, "Subscription '" + id + "' does not exist", JsonObject.EMPTY_JSON_OBJECT);
    }

    public static PosError invalidMessage(String message) {
        return new PosError(INVALID_MESSAGE, message, JsonObject.EMPTY_JSON_OBJECT);
    }
}
