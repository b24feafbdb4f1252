package io.herald.pos.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.WireJson;
import io.herald.pos.entity.DeliveryJob;
import io.herald.pos.entity.DiningTable;
import io.herald.pos.entity.KdsTicket;
import io.herald.pos.entity.PosNotice;
import io.herald.pos.entity.PosOrder;
import io.herald.pos.entity.PosRecord;
import io.herald.pos.entity.StockItem;
import io.herald.pos.entity.VoiceSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON of point-of-sale records: the REST answers and the {@code data} of their events (the
 * same object, so a client sees in an event what it would read over REST). Every one carries
 * {@code location_id} and the fields the channels filter on.
 */
public final class PosViews {

    private PosViews() {
    }

    static String time(long epochMillis) {
        return WireJson.timestamp(Instant.ofEpochMilli(epochMillis));
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static JsonObjectBuilder base(String idField, PosRecord r) {
        return JSON.createObjectBuilder()
                .add(idField, r.getId())
                .add("location_id", r.getLocationId())
                .add("created_at", time(r.getCreatedAt()))
                .add("updated_at", time(r.getUpdatedAt()));
    }

    public static JsonObject order(PosOrder o) {
        JsonObjectBuilder b = base("order_id", o)
                .add("order_type", o.getOrderType())
                .add("status", o.getStatus())
                .add("total", money(o.getTotalCents()));
        if (o.getPaidAt() != null) {
            b.add("paid_at", time(o.getPaidAt()));
        }
        return b.build();
    }

    public static JsonObject ticket(KdsTicket t) {
        JsonObjectBuilder b = base("ticket_id", t)
                .add("station", t.getStation())
                .add("status", t.getStatus())
                .add("due_at", time(t.getDueAt()));
        if (t.getOrderId() != null) {
            b.add("order_id", t.getOrderId());
        }
        return b.build();
    }

    public static JsonObject item(StockItem i) {
        return base("item_id", i)
                .add("name", i.getName())
                .add("quantity", i.getQuantity())
                .add("low_threshold", i.getLowThreshold())
                .build();
    }

    public static JsonObject table(DiningTable t) {
        JsonObjectBuilder b = base("table_id", t)
                .add("number", t.getNumber())
                .add("status", t.getStatus())
                .add("party_size", t.getPartySize());
        if (t.getReservedFor() != null) {
            b.add("reserved_for", t.getReservedFor());
        }
        return b.build();
    }

    public static JsonObject delivery(DeliveryJob d) {
        JsonObjectBuilder b = base("delivery_id", d)
                .add("platform", d.getPlatform())
                .add("status", d.getStatus());
        if (d.getExternalId() != null) {
            b.add("external_id", d.getExternalId());
        }
        if (d.getDriver() != null) {
            b.add("driver", d.getDriver());
        }
        return b.build();
    }

    public static JsonObject voice(VoiceSession v) {
        JsonObjectBuilder b = base("session_id", v).add("lane", v.getLane());
        if (v.getOrderId() != null) {
            b.add("order_id", v.getOrderId());
        }
        return b.build();
    }

    public static JsonObject notice(PosNotice n) {
        return JSON.createObjectBuilder()
                .add("notification_id", n.getId())
                .add("user_id", n.getUserId())
                .add("kind", n.getKind())
                .add("message", n.getMessage())
                .add("created_at", time(n.getCreatedAt()))
                .build();
    }
}
