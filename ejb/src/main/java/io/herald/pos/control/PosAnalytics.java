package io.herald.pos.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.pos.entity.HourlySummaryMark;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Metrics computed from paid orders: per location {@code revenue} (sum of totals),
 * {@code orders} (how many) and {@code avg_ticket} (revenue / orders), for the current UTC day
 * after every payment ({@code analytics.metric_update}, one event per metric) and per hour
 * ({@code analytics.hourly_summary}, published once per location and hour by whichever node
 * records it first).
 */
@Stateless
public class PosAnalytics {

    public static final List<String> METRICS = List.of("revenue", "orders", "avg_ticket");

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    @Resource
    EJBContext transaction;

    /** In the caller's transaction (after a payment): the day's metrics of the location. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publishToday(String location) {
        Instant dayStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
        JsonObject totals = totals(location, dayStart, dayStart.plus(Duration.ofDays(1)));
        for (String metric : METRICS) {
            JsonObject data = JSON.createObjectBuilder()
                    .add("location_id", location)
                    .add("metric", metric)
                    .add("value", totals.get(metric))
                    .add("period", "day")
                    .add("period_start", PosViews.time(dayStart.toEpochMilli()))
                    .build();
            publish("analytics.metric_update", location, data);
        }
    }

    /** The locations with payments in the hour starting at {@code hourStart}. */
    public List<String> locationsPaidIn(Instant hourStart) {
        return em.createNamedQuery("PosOrder.locationsPaidSince", String.class)
                .setParameter("since", hourStart.toEpochMilli())
                .setParameter("until", hourStart.plus(Duration.ofHours(1)).toEpochMilli())
                .getResultList();
    }

    /**
     * Publishes the hour's summary of one location unless a node did already (the mark's key is
     * unique: a second insert fails this transaction and nothing is published).
     * @return the summary, or {@code null} when it was published already
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public JsonObject summarizeHour(String location, Instant hourStart) {
        try {
            em.persist(new HourlySummaryMark(location + "@" + hourStart.toEpochMilli()));
            em.flush();
        } catch (PersistenceException publishedElsewhere) {
            transaction.setRollbackOnly();
            return null;
        }
        JsonObject data = JSON.createObjectBuilder(totals(location, hourStart, hourStart.plus(Duration.ofHours(1))))
                .add("location_id", location)
                .add("hour", PosViews.time(hourStart.toEpochMilli()))
                .build();
        publish("analytics.hourly_summary", location, data);
        return data;
    }

    private JsonObject totals(String location, Instant from, Instant until) {
        Object[] row = em.createNamedQuery("PosOrder.paidSince", Object[].class)
                .setParameter("location", location)
                .setParameter("since", from.toEpochMilli())
                .setParameter("until", until.toEpochMilli())
                .getSingleResult();
        long count = ((Number) row[0]).longValue();
        long cents = row[1] == null ? 0 : ((Number) row[1]).longValue();
        BigDecimal revenue = BigDecimal.valueOf(cents, 2);
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("revenue", revenue)
                .add("orders", count)
                .add("avg_ticket", count == 0 ? BigDecimal.ZERO.setScale(2) : revenue.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
        return b.build();
    }

    private void publish(String type, String location, JsonObject data) {
        events.fire(HeraldEvent.of(PosKeys.PRODUCT, type, data, Set.of(PosKeys.location(PosChannel.ANALYTICS, location))));
    }
}
