package io.herald.inventory.control;

import io.herald.api.HeraldEvent;
import io.herald.common.control.UnknownRecordException;
import io.herald.delivery.control.EventEnvelope;
import io.herald.eventlog.control.LogIdentity;
import io.herald.eventlog.control.Outbox;
import io.herald.inventory.entity.Notification;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Each user's durable notification inbox. A new notification is stored and, in the same
 * transaction, published as a {@code notification:created} event routed to its user; the
 * notification keeps that event's id, so it carries the same {@code event_id} when it is sent
 * again, unread, on every new connection until the user marks it read.
 */
@Stateless
public class Inbox {

    /** What marking a notification read did. */
    public enum Marked {
        /** It was unread and is read now. */
        MARKED,
        /** It was read already; nothing changed. */
        ALREADY_READ,
        /** No such notification for this user (unknown, or someone else's). */
        NOT_FOUND
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    LogIdentity identity;

    /** Stores a notification for {@code userId} and publishes it to that user's connections. */
    public NotificationView notify(String userId, String message, Notification.Type type, String productName) {
        return notify(userId, message, type, productName, null);
    }

    /**
     * Like {@link #notify(String, String, Notification.Type, String)}, at most once per
     * {@code dedupeKey} (a unique column; a second insert with the same key fails the transaction).
     */
    public NotificationView notify(String userId, String message, Notification.Type type, String productName, String dedupeKey) {
        Notification n = new Notification(userId, message, type, productName, Instant.now().truncatedTo(ChronoUnit.MILLIS), dedupeKey);
        em.persist(n);
        em.flush();
        EventEnvelope announced = outbox.record(HeraldEvent.of(InventoryKeys.PRODUCT, InventoryKeys.NOTIFICATION_CREATED,
                NotificationView.of(n, null).wire(), Set.of(InventoryKeys.user(userId))));
        n.announcedAs(announced.id());
        return view(n);
    }

    /** The user's unread notifications, oldest first, at most {@code max}. */
    public List<NotificationView> unread(String userId, int max) {
        return em.createNamedQuery("Notification.unread", Notification.class)
                .setParameter("user", userId)
                .setMaxResults(max)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    /** The user's notifications (all, or only unread ones), oldest first, at most {@code max}. */
    public List<NotificationView> list(String userId, boolean unreadOnly, int max) {
        if (unreadOnly) {
            return unread(userId, max);
        }
        return em.createNamedQuery("Notification.all", Notification.class)
                .setParameter("user", userId)
                .setMaxResults(max)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    /** Marks one of the user's notifications read; idempotent. */
    public Marked markRead(String userId, String notificationId) {
        Notification n = ownedBy(userId, notificationId);
        if (n == null) {
            return Marked.NOT_FOUND;
        }
        return n.markRead(Instant.now()) ? Marked.MARKED : Marked.ALREADY_READ;
    }

    /** One of the user's notifications. @throws UnknownRecordException if it is not theirs or does not exist */
    public NotificationView find(String userId, String notificationId) {
        Notification n = ownedBy(userId, notificationId);
        if (n == null) {
            throw new UnknownRecordException("Notification " + notificationId + " not found");
        }
        return view(n);
    }

    /** The notification with the wire id of the event that announced it, as the live notification carries it. */
    private NotificationView view(Notification n) {
        return NotificationView.of(n, identity.epoch());
    }

    public boolean exists(String dedupeKey) {
        return em.createNamedQuery("Notification.countByDedupeKey", Long.class).setParameter("key", dedupeKey).getSingleResult() > 0;
    }

    private Notification ownedBy(String userId, String notificationId) {
        long id;
        try {
            id = Long.parseLong(notificationId);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
        Notification n = em.find(Notification.class, id);
        return n != null && n.getUserId().equals(userId) ? n : null;
    }
}
