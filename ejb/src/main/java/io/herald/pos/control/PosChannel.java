package io.herald.pos.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The eight channels of document 003: their event types and the parameters each accepts. Every
 * channel but {@code notifications} is per location ({@code location_id} or
 * {@code location_ids}, one of them required) and takes {@code events} (a subset of its event
 * types); the content filters are listed per channel.
 */
public enum PosChannel {

    ORDERS("orders", List.of("order.created", "order.updated", "order.status_changed", "order.paid", "order.closed"),
            ParamSpec.list("types", "order_type", Set.of("dine_in", "takeout", "delivery", "drive_thru")),
            ParamSpec.list("statuses", "status", Set.of("open", "preparing", "ready", "served", "paid", "closed", "cancelled"))),
    KDS("kds", List.of("kds.ticket.created", "kds.ticket.bumped", "kds.ticket.late", "kds.ticket.recalled"),
            ParamSpec.text("station", "station")),
    INVENTORY("inventory", List.of("inventory.low_stock", "inventory.out_of_stock", "inventory.received"),
            ParamSpec.list("alert_types", "alert_type", Set.of("low_stock", "out_of_stock", "received"))),
    TABLES("tables", List.of("table.seated", "table.cleared", "table.reserved")),
    ANALYTICS("analytics", List.of("analytics.metric_update", "analytics.hourly_summary"),
            ParamSpec.list("metrics", "metric", Set.of("revenue", "orders", "avg_ticket"))),
    DELIVERY("delivery", List.of("delivery.order_received", "delivery.driver_assigned", "delivery.picked_up"),
            ParamSpec.list("platforms", "platform", Set.of("doordash", "ubereats", "grubhub"))),
    NOTIFICATIONS("notifications", List.of("notification.alert", "notification.message")),
    VOICE("voice", List.of("voice.session_started", "voice.order_completed"),
            ParamSpec.number("lane", "lane"));

    private final String wireName;
    private final List<String> events;
    private final List<ParamSpec> filters;

    PosChannel(String wireName, List<String> events, ParamSpec... filters) {
        this.wireName = wireName;
        this.events = events;
        this.filters = List.of(filters);
    }

    public String wireName() {
        return wireName;
    }

    /** The event types of this channel, as the document lists them. */
    public List<String> events() {
        return events;
    }

    /** The content filters this channel accepts besides the location and {@code events}. */
    public List<ParamSpec> filters() {
        return filters;
    }

    /** Whether subscriptions name locations ({@code notifications} names a user instead). */
    public boolean perLocation() {
        return this != NOTIFICATIONS;
    }

    /** The permission a token needs in its {@code groups} to subscribe. */
    public String permission() {
        return wireName + ".read";
    }

    public static Optional<PosChannel> named(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst();
    }

    /** The channel an event type belongs to ({@code order.paid} → orders). */
    public static Optional<PosChannel> ofEvent(String type) {
        return Arrays.stream(values()).filter(c -> c.events.contains(type)).findFirst();
    }

    /**
     * One content filter: the subscription parameter, the event field it is compared with, and the
     * values it may take (empty: any non-blank string up to 64 characters).
     */
    public record ParamSpec(String name, String field, Kind kind, Set<String> allowed) {

        public enum Kind {
            /** An array of strings: the event passes when its field is one of them. */
            LIST,
            /** One string: the event passes when its field equals it. */
            TEXT,
            /** One positive integer: the event passes when its field equals it. */
            NUMBER
        }

        static ParamSpec list(String name, String field, Set<String> allowed) {
            return new ParamSpec(name, field, Kind.LIST, allowed);
        }

        static ParamSpec text(String name, String field) {
            return new ParamSpec(name, field, Kind.TEXT, Set.of());
        }

        static ParamSpec number(String name, String field) {
            return new ParamSpec(name, field, Kind.NUMBER, Set.of());
        }
    }
}
