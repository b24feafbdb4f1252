package io.herald.pos.control;

import io.herald.auth.control.VerifiedToken;
import io.herald.delivery.control.EventEnvelope;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one subscription lets through, read from its {@code params} and checked against the
 * caller's rights. The server applies it to every event before it reaches the client: the
 * routing keys narrow events to the subscription's locations (or user), {@link #matches} applies
 * {@code events} and the content filters. A content filter applies to the events that carry its
 * field ({@code analytics.hourly_summary} has no {@code metric}: it passes a {@code metrics}
 * filter).
 *
 * @param locations the locations (empty for {@code notifications})
 * @param userId the user of a {@code notifications} subscription, else {@code null}
 * @param events the event types let through (empty: all of the channel's)
 * @param fields event field → the values let through
 */
public record PosFilter(PosChannel channel, Set<String> locations, String userId, Set<String> events, Map<String, Set<String>> fields) {

    /** The longest location id, station or user id a parameter may carry. */
    public static final int MAX_TEXT = 64;
    /** The most locations one subscription may name. */
    public static final int MAX_LOCATIONS = 50;
    /** The group that grants every channel, location and user. */
    public static final String ADMIN = "admin";
    /** In the token's {@code locations} claim: every location. */
    public static final String ALL_LOCATIONS = "*";

    public PosFilter {
        locations = Set.copyOf(locations);
        events = Set.copyOf(events);
        fields = Map.copyOf(fields);
    }

    /** The routing keys under which this subscription's events travel. */
    public Set<String> routingKeys() {
        if (!channel.perLocation()) {
            return Set.of(PosKeys.user(userId));
        }
        Set<String> keys = new LinkedHashSet<>();
        locations.forEach(l -> keys.add(PosKeys.location(channel, l)));
        return keys;
    }

    /** Whether the event passes this subscription (its routing key matched already). */
    public boolean matches(EventEnvelope event) {
        if (!channel.events().contains(event.type()) || !events.isEmpty() && !events.contains(event.type())) {
            return false;
        }
        JsonObject data = event.data();
        if (channel.perLocation() ? !locations.contains(text(data.get("location_id"))) : !userId.equals(text(data.get("user_id")))) {
            return false;
        }
        for (Map.Entry<String, Set<String>> f : fields.entrySet()) {
            JsonValue value = data.get(f.getKey());
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL && !f.getValue().contains(text(value))) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value instanceof JsonNumber n ? n.toString() : null;
    }

    /**
     * Reads a subscribe request's parameters and checks them against the caller's rights.
     *
     * @param params the request's {@code params} ({@code null}: none)
     * @throws PosRefused {@code invalid_params} or {@code unauthorized}
     */
    public static PosFilter of(PosChannel channel, JsonValue params, VerifiedToken caller) throws PosRefused {
        PosFilter filter = read(channel, params);
        filter.authorize(caller);
        return filter;
    }

    static PosFilter read(PosChannel channel, JsonValue params) throws PosRefused {
        String name = channel.wireName();
        if (params != null && params.getValueType() != JsonValue.ValueType.NULL && !(params instanceof JsonObject)) {
            throw invalid("Invalid parameter: params must be an object", name);
        }
        JsonObject p = params instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        Set<String> known = new TreeSet<>();
        known.add("events");
        Set<String> locations = new LinkedHashSet<>();
        String userId = null;
        if (channel.perLocation()) {
            known.add("location_id");
            known.add("location_ids");
            locations = locations(p, name);
        } else {
            known.add("user_id");
            userId = requiredText(p, "user_id", name);
        }
        Set<String> events = new LinkedHashSet<>();
        if (p.containsKey("events")) {
            events = strings(p, "events", name, new TreeSet<>(channel.events()));
        }
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (PosChannel.ParamSpec spec : channel.filters()) {
            known.add(spec.name());
            if (!p.containsKey(spec.name()) || p.get(spec.name()).getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            fields.put(spec.field(), switch (spec.kind()) {
                case LIST -> strings(p, spec.name(), name, new TreeSet<>(spec.allowed()));
                case TEXT -> Set.of(requiredText(p, spec.name(), name));
                case NUMBER -> Set.of(positiveNumber(p, spec.name(), name));
            });
        }
        for (String key : p.keySet()) {
            if (!known.contains(key)) {
                throw invalid("Unknown parameter: " + key, name);
            }
        }
        return new PosFilter(channel, locations, userId, events, fields);
    }

    private static Set<String> locations(JsonObject p, String channel) throws PosRefused {
        boolean one = p.containsKey("location_id");
        boolean many = p.containsKey("location_ids");
        if (one && many) {
            throw invalid("Invalid parameters: use either location_id or location_ids, not both", channel);
        }
        if (one) {
            return Set.of(requiredText(p, "location_id", channel));
        }
        if (!many) {
            throw invalid("Missing required parameter: location_id", channel);
        }
        Set<String> ids = strings(p, "location_ids", channel, Set.of());
        if (ids.size() > MAX_LOCATIONS) {
            throw invalid("Invalid parameter: location_ids may name at most " + MAX_LOCATIONS + " locations", channel);
        }
        return ids;
    }

    private static String requiredText(JsonObject p, String key, String channel) throws PosRefused {
        JsonValue value = p.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw invalid("Missing required parameter: " + key, channel);
        }
        if (!(value instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > MAX_TEXT) {
            throw invalid("Invalid parameter: " + key + " must be a non-empty string of at most " + MAX_TEXT + " characters", channel);
        }
        return s.getString();
    }

    private static String positiveNumber(JsonObject p, String key, String channel) throws PosRefused {
        if (!(p.get(key) instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() <= 0 || n.bigIntegerValue().bitLength() > 31) {
            throw invalid("Invalid parameter: " + key + " must be a positive integer", channel);
        }
        return n.toString();
    }

    /** A non-empty array of strings, each one of {@code allowed} (empty: any non-blank string). */
    private static Set<String> strings(JsonObject p, String key, String channel, Set<String> allowed) throws PosRefused {
        if (!(p.get(key) instanceof JsonArray array) || array.isEmpty()) {
            throw invalid("Invalid parameter: " + key + " must be a non-empty array of strings", channel);
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > MAX_TEXT) {
                throw invalid("Invalid parameter: " + key + " must be a non-empty array of strings", channel);
            }
            if (!allowed.isEmpty() && !allowed.contains(s.getString())) {
                throw invalid("Invalid parameter: " + key + ": '" + s.getString() + "' is not one of " + String.join(", ", allowed), channel);
            }
            values.add(s.getString());
        }
        return values;
    }

    private static PosRefused invalid(String message, String channel) {
        return new PosRefused(PosError.invalidParams(message, channel));
    }

    /** Whether the caller may see and change {@code location} (the token's {@code locations}, or the group {@value #ADMIN}). */
    public static boolean mayUse(VerifiedToken caller, String location) {
        return caller.hasGroup(ADMIN) || caller.locations().contains(ALL_LOCATIONS) || caller.locations().contains(location);
    }

    /**
     * The caller needs the group {@code <channel>.read}, every location named (the token's
     * {@code locations} claim, {@value #ALL_LOCATIONS} for all), and for {@code notifications}
     * to be the user named; the group {@value #ADMIN} grants everything.
     */
    void authorize(VerifiedToken caller) throws PosRefused {
        if (caller.hasGroup(ADMIN)) {
            return;
        }
        if (!caller.hasGroup(channel.permission())) {
            throw new PosRefused(PosError.unauthorized("Not authorized to subscribe to this channel", channel, channel.permission()));
        }
        if (!channel.perLocation()) {
            if (!caller.subject().equals(userId)) {
                throw new PosRefused(PosError.unauthorized("Not authorized to read another user's notifications", channel, null));
            }
            return;
        }
        for (String location : locations) {
            if (!mayUse(caller, location)) {
                throw new PosRefused(PosError.unauthorized("Not authorized for location '" + location + "'", channel, "location:" + location));
            }
        }
    }
}
