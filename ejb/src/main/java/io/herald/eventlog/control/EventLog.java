package io.herald.eventlog.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.delivery.control.EventEnvelope;
import io.herald.eventlog.entity.EventLogEntry;
import io.herald.delivery.control.Messaging;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonReader;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads and writes the event log. Appends use plain JDBC on the transaction's connection: they
 * happen while the persistence context may be flushing, where the EntityManager must not be used.
 */
@Stateless
public class EventLog {

    @Resource(name = Messaging.DATA_SOURCE, lookup = Messaging.DATA_SOURCE)
    DataSource dataSource;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    LogIdentity identity;

    /** Appends the event in the caller's transaction and returns it with its new id. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public EventEnvelope append(HeraldEvent event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            long id = nextId(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + EventLogEntry.TABLE
                    + " (id, product, event_type, routing_keys, payload, created_at, published) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, event.product());
                insert.setString(3, event.type());
                insert.setString(4, String.join(" ", event.routingKeys()));
                insert.setString(5, event.data().toString());
                insert.setLong(6, now.toEpochMilli());
                insert.setBoolean(7, false);
                insert.executeUpdate();
            }
            return new EventEnvelope(id, event.product(), event.type(), event.routingKeys(), event.data(), now, identity.epoch());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append to the event log: " + e.getMessage(), e);
        }
    }

    /** Appends in a transaction of its own (for events fired outside any transaction). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public EventEnvelope appendNow(HeraldEvent event) {
        return append(event);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markPublished(Collection<Long> ids) {
        em.createNamedQuery("EventLogEntry.markPublished").setParameter("ids", List.copyOf(ids)).executeUpdate();
    }

    /** Deletes published events logged before {@code before}; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int prunePublishedBefore(Instant before) {
        Long highest = em.createNamedQuery("EventLogEntry.highestPublishedBefore", Long.class)
                .setParameter("before", before.toEpochMilli()).getSingleResult();
        if (highest == null) {
            return 0;
        }
        identity.prunedThrough(highest);
        return em.createNamedQuery("EventLogEntry.prunePublishedBefore").setParameter("before", before.toEpochMilli()).executeUpdate();
    }

    /** Durable events not yet published that were logged before {@code before}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<EventEnvelope> unpublishedBefore(Instant before, int max) {
        return em.createNamedQuery("EventLogEntry.unpublishedBefore", EventLogEntry.class)
                .setParameter("before", before.toEpochMilli())
                .setMaxResults(max)
                .getResultStream()
                .map(this::toEnvelope)
                .toList();
    }

    /** How many durable events wait to be published, and when the oldest of them was logged. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OutboxBacklog backlog() {
        Object[] row = em.createNamedQuery("EventLogEntry.unpublishedBacklog", Object[].class).getSingleResult();
        long count = row[0] == null ? 0 : ((Number) row[0]).longValue();
        return count == 0 || row[1] == null ? OutboxBacklog.NONE : new OutboxBacklog(count, ((Number) row[1]).longValue());
    }

    /** Durable events of a product logged after {@code id}, oldest first (replay after reconnect). */
    public List<EventEnvelope> after(String product, long id, int max) {
        return em.createNamedQuery("EventLogEntry.after", EventLogEntry.class)
                .setParameter("id", id)
                .setParameter("product", product)
                .setMaxResults(max)
                .getResultStream()
                .map(this::toEnvelope)
                .toList();
    }

    /** Durable events of every product logged after {@code id}, oldest first (a node catching up). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<EventEnvelope> allAfter(long id, int max) {
        return em.createNamedQuery("EventLogEntry.allAfter", EventLogEntry.class)
                .setParameter("id", id)
                .setMaxResults(max)
                .getResultStream()
                .map(this::toEnvelope)
                .toList();
    }

    /** The durable events among {@code ids} that the log has (committed), oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<EventEnvelope> withIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("EventLogEntry.withIds", EventLogEntry.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(this::toEnvelope)
                .toList();
    }

    /** The highest id in the log, {@code 0} when it is empty. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long lastId() {
        Long last = em.createNamedQuery("EventLogEntry.lastId", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** A cheap query that proves the database answers. */
    public void ping() {
        em.createNativeQuery("SELECT 1").getSingleResult();
    }

    EventEnvelope toEnvelope(EventLogEntry e) {
        try (JsonReader reader = JSON.createReader(new StringReader(e.getPayload()))) {
            return new EventEnvelope(e.getId(), e.getProduct(), e.getType(),
                    new LinkedHashSet<>(Arrays.asList(e.getRoutingKeys().split(" "))),
                    reader.readObject(), Instant.ofEpochMilli(e.getCreatedAt()), identity.epoch());
        }
    }

    private static long nextId(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        String sql = product.toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? "SELECT nextval('" + EventLogEntry.SEQUENCE + "')"
                : "SELECT NEXT VALUE FOR " + EventLogEntry.SEQUENCE;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
