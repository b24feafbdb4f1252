package io.herald.pos.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.ConflictException;
import io.herald.common.control.UnknownRecordException;
import io.herald.pos.entity.DeliveryJob;
import io.herald.pos.entity.DiningTable;
import io.herald.pos.entity.KdsTicket;
import io.herald.pos.entity.PosNotice;
import io.herald.pos.entity.PosOrder;
import io.herald.pos.entity.PosRecord;
import io.herald.pos.entity.StockItem;
import io.herald.pos.entity.VoiceSession;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The point-of-sale back end: every change to orders, kitchen tickets, stock, tables, deliveries,
 * notifications and voice sessions is stored and, in the same transaction, published as the
 * document's event to the channel and location (or user) it concerns. Refusals: unknown records
 * {@link UnknownRecordException}, changes the record's state does not allow {@link ConflictException}.
 */
@Stateless
public class PosBackOffice {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    @Inject
    PosAnalytics analytics;

    private static long now() {
        return Instant.now().toEpochMilli();
    }

    private void publish(PosChannel channel, String type, String location, JsonObject data) {
        events.fire(HeraldEvent.of(PosKeys.PRODUCT, type, data, Set.of(PosKeys.location(channel, location))));
    }

    private static void require(String problem) {
        if (problem != null) {
            throw new ConflictException(problem);
        }
    }

    /** The record, or 404. */
    public <T extends PosRecord> T find(Class<T> type, String id) {
        T record = id == null ? null : em.find(type, id);
        if (record == null) {
            throw new UnknownRecordException(type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2") + " " + id + " not found");
        }
        return record;
    }

    /** The location of a record (for the caller's rights), or 404. */
    public String locationOf(Class<? extends PosRecord> type, String id) {
        return find(type, id).getLocationId();
    }

    public JsonObject order(String id) {
        return PosViews.order(find(PosOrder.class, id));
    }

    /** The tables of a location, by number (at most 1000). */
    public List<JsonObject> tables(String location) {
        return em.createNamedQuery("DiningTable.at", DiningTable.class).setParameter("location", location).setMaxResults(1000)
                .getResultStream().map(PosViews::table).toList();
    }

    /** The stock items of a location, by name (at most 1000). */
    public List<JsonObject> items(String location) {
        return em.createNamedQuery("StockItem.at", StockItem.class).setParameter("location", location).setMaxResults(1000)
                .getResultStream().map(PosViews::item).toList();
    }

    // --- orders

    public JsonObject createOrder(String location, String type, long totalCents) {
        PosOrder o = new PosOrder(location, type, totalCents, now());
        em.persist(o);
        JsonObject view = PosViews.order(o);
        publish(PosChannel.ORDERS, "order.created", location, view);
        return view;
    }

    public JsonObject changeOrderTotal(String id, long totalCents) {
        PosOrder o = find(PosOrder.class, id);
        require(o.changeTotal(totalCents, now()));
        JsonObject view = PosViews.order(o);
        publish(PosChannel.ORDERS, "order.updated", o.getLocationId(), view);
        return view;
    }

    public JsonObject changeOrderStatus(String id, String status) {
        PosOrder o = find(PosOrder.class, id);
        String previous = o.getStatus();
        require(o.moveTo(status, now()));
        JsonObject view = PosViews.order(o);
        publish(PosChannel.ORDERS, "order.status_changed", o.getLocationId(),
                JSON.createObjectBuilder(view).add("previous_status", previous).build());
        return view;
    }

    /** Pays the order and publishes the location's updated metrics of the day. */
    public JsonObject payOrder(String id) {
        PosOrder o = find(PosOrder.class, id);
        require(o.pay(now()));
        em.flush();
        JsonObject view = PosViews.order(o);
        publish(PosChannel.ORDERS, "order.paid", o.getLocationId(), view);
        analytics.publishToday(o.getLocationId());
        return view;
    }

    public JsonObject closeOrder(String id) {
        PosOrder o = find(PosOrder.class, id);
        require(o.close(now()));
        JsonObject view = PosViews.order(o);
        publish(PosChannel.ORDERS, "order.closed", o.getLocationId(), view);
        return view;
    }

    // --- kitchen

    public JsonObject createTicket(String location, String station, String orderId, long dueInSeconds) {
        if (orderId != null && !find(PosOrder.class, orderId).getLocationId().equals(location)) {
            throw new ConflictException("Order " + orderId + " belongs to another location");
        }
        long now = now();
        KdsTicket t = new KdsTicket(location, station, orderId, now + dueInSeconds * 1000, now);
        em.persist(t);
        JsonObject view = PosViews.ticket(t);
        publish(PosChannel.KDS, "kds.ticket.created", location, view);
        return view;
    }

    public JsonObject bumpTicket(String id) {
        KdsTicket t = find(KdsTicket.class, id);
        require(t.bump(now()));
        JsonObject view = PosViews.ticket(t);
        publish(PosChannel.KDS, "kds.ticket.bumped", t.getLocationId(), view);
        return view;
    }

    public JsonObject recallTicket(String id) {
        KdsTicket t = find(KdsTicket.class, id);
        require(t.recall(now()));
        JsonObject view = PosViews.ticket(t);
        publish(PosChannel.KDS, "kds.ticket.recalled", t.getLocationId(), view);
        return view;
    }

    /**
     * Announces open tickets past their due time, each once: the node whose update claims the
     * ticket publishes {@code kds.ticket.late}, the others find it claimed. @return how many
     */
    public int announceLateTickets() {
        int announced = 0;
        long now = now();
        List<KdsTicket> overdue = em.createNamedQuery("KdsTicket.overdue", KdsTicket.class).setParameter("now", now).setMaxResults(100).getResultList();
        for (KdsTicket t : overdue) {
            if (em.createNamedQuery("KdsTicket.claimLate").setParameter("id", t.getId()).executeUpdate() == 1) {
                publish(PosChannel.KDS, "kds.ticket.late", t.getLocationId(),
                        JSON.createObjectBuilder(PosViews.ticket(t)).add("late_by_seconds", Math.max(0, (now - t.getDueAt()) / 1000)).build());
                announced++;
            }
        }
        return announced;
    }

    // --- stock

    public JsonObject createItem(String location, String name, int quantity, int lowThreshold) {
        StockItem i = new StockItem(location, name, quantity, lowThreshold, now());
        em.persist(i);
        return PosViews.item(i);
    }

    /** Takes stock out; crossing the threshold publishes {@code inventory.low_stock}, reaching zero {@code inventory.out_of_stock}. */
    public JsonObject consume(String id, int amount) {
        StockItem i = find(StockItem.class, id);
        StockItem.Crossing crossed = i.consume(amount, now());
        JsonObject view = PosViews.item(i);
        if (crossed != StockItem.Crossing.NONE) {
            String alert = crossed == StockItem.Crossing.OUT ? "out_of_stock" : "low_stock";
            publish(PosChannel.INVENTORY, "inventory." + alert, i.getLocationId(), JSON.createObjectBuilder(view).add("alert_type", alert).build());
        }
        return view;
    }

    public JsonObject receive(String id, int amount) {
        StockItem i = find(StockItem.class, id);
        i.receive(amount, now());
        JsonObject view = PosViews.item(i);
        publish(PosChannel.INVENTORY, "inventory.received", i.getLocationId(),
                JSON.createObjectBuilder(view).add("alert_type", "received").add("quantity_received", amount).build());
        return view;
    }

    // --- tables

    public JsonObject createTable(String location, String number) {
        DiningTable t = new DiningTable(location, number, now());
        em.persist(t);
        return PosViews.table(t);
    }

    public JsonObject seat(String id, int partySize) {
        DiningTable t = find(DiningTable.class, id);
        require(t.seat(partySize, now()));
        return tableEvent(t, "table.seated");
    }

    public JsonObject clearTable(String id) {
        DiningTable t = find(DiningTable.class, id);
        require(t.clear(now()));
        return tableEvent(t, "table.cleared");
    }

    public JsonObject reserve(String id, String name) {
        DiningTable t = find(DiningTable.class, id);
        require(t.reserve(name, now()));
        return tableEvent(t, "table.reserved");
    }

    private JsonObject tableEvent(DiningTable t, String type) {
        JsonObject view = PosViews.table(t);
        publish(PosChannel.TABLES, type, t.getLocationId(), view);
        return view;
    }

    // --- delivery platforms

    public JsonObject receiveDelivery(String location, String platform, String externalId) {
        DeliveryJob d = new DeliveryJob(location, platform, externalId, now());
        em.persist(d);
        return deliveryEvent(d, "delivery.order_received");
    }

    public JsonObject assignDriver(String id, String driver) {
        DeliveryJob d = find(DeliveryJob.class, id);
        require(d.assign(driver, now()));
        return deliveryEvent(d, "delivery.driver_assigned");
    }

    public JsonObject pickUp(String id) {
        DeliveryJob d = find(DeliveryJob.class, id);
        require(d.pickUp(now()));
        return deliveryEvent(d, "delivery.picked_up");
    }

    private JsonObject deliveryEvent(DeliveryJob d, String type) {
        JsonObject view = PosViews.delivery(d);
        publish(PosChannel.DELIVERY, type, d.getLocationId(), view);
        return view;
    }

    // --- notifications

    /** @param kind {@code alert} or {@code message} */
    public JsonObject notify(String userId, String kind, String message, String location) {
        PosNotice n = new PosNotice(location == null ? "-" : location, userId, kind, message, now());
        em.persist(n);
        JsonObject view = PosViews.notice(n);
        if (location != null) {
            view = JSON.createObjectBuilder(view).add("location_id", location).build();
        }
        events.fire(HeraldEvent.of(PosKeys.PRODUCT, "notification." + kind, view, Set.of(PosKeys.user(userId))));
        return view;
    }

    // --- voice

    public JsonObject startVoice(String location, int lane) {
        VoiceSession v = new VoiceSession(location, lane, now());
        em.persist(v);
        JsonObject view = PosViews.voice(v);
        publish(PosChannel.VOICE, "voice.session_started", location, view);
        return view;
    }

    /** Completes the session with a drive-thru order of {@code totalCents} (published as {@code order.created} too). */
    public JsonObject completeVoice(String id, long totalCents) {
        VoiceSession v = find(VoiceSession.class, id);
        if (v.isCompleted()) {
            throw new ConflictException("Voice session " + id + " is completed already");
        }
        JsonObject order = createOrder(v.getLocationId(), "drive_thru", totalCents);
        require(v.complete(order.getString("order_id"), now()));
        JsonObject view = JSON.createObjectBuilder(PosViews.voice(v)).add("total", order.get("total")).build();
        publish(PosChannel.VOICE, "voice.order_completed", v.getLocationId(), view);
        return view;
    }
}
