package io.herald.trading.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.UnknownRecordException;
import io.herald.common.control.WireJson;
import io.herald.trading.entity.PriceAlert;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Users' price alerts. Each tick checks the armed alerts of its symbol in the tick's transaction;
 * an alert whose condition the price meets is claimed with a conditional update, so it fires
 * ({@code price_alert} to its user's {@code alerts} channel) exactly once in the cluster, also when
 * ticks arrive on several nodes at once.
 */
@Stateless
public class PriceAlerts {

    public static final String TRIGGERED = "price_alert";
    public static final int MAX_PER_USER = 100;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    public JsonObject create(String userId, String symbol, String condition, BigDecimal price) {
        if (list(userId).size() >= MAX_PER_USER) {
            throw new io.herald.common.control.ConflictException("At most " + MAX_PER_USER + " price alerts per user");
        }
        PriceAlert alert = new PriceAlert(userId, symbol, condition, price, Instant.now().toEpochMilli());
        em.persist(alert);
        return wire(alert);
    }

    public List<JsonObject> list(String userId) {
        return em.createNamedQuery("PriceAlert.ofUser", PriceAlert.class).setParameter("user", userId).getResultStream().map(PriceAlerts::wire).toList();
    }

    /** Deletes one of the user's alerts; another user's is "not found". */
    public void delete(String userId, String id) {
        PriceAlert alert = em.find(PriceAlert.class, id);
        if (alert == null || !alert.getUserId().equals(userId)) {
            throw new UnknownRecordException("Price alert " + id + " not found");
        }
        em.remove(alert);
    }

    /** In the tick's transaction: fires the armed alerts of the symbol the price meets; @return how many */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int check(String symbol, BigDecimal price, Instant at) {
        int fired = 0;
        for (PriceAlert alert : em.createNamedQuery("PriceAlert.armed", PriceAlert.class)
                .setParameter("symbol", symbol).setParameter("price", price).getResultList()) {
            if (em.createNamedQuery("PriceAlert.claim").setParameter("id", alert.getId()).setParameter("at", at.toEpochMilli())
                    .setParameter("price", price).executeUpdate() == 1) {
                JsonObject data = JSON.createObjectBuilder()
                        .add("id", alert.getId())
                        .add("userId", alert.getUserId())
                        .add("symbol", symbol)
                        .add("condition", alert.getCondition())
                        .add("price", MarketData.plain(alert.getPrice()))
                        .add("currentPrice", MarketData.plain(price))
                        .add("triggeredAt", WireJson.timestamp(at))
                        .build();
                events.fire(HeraldEvent.of(TradingKeys.PRODUCT, TRIGGERED, data, Set.of(TradingKeys.user(alert.getUserId()))));
                fired++;
            }
        }
        return fired;
    }

    static JsonObject wire(PriceAlert a) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", a.getId())
                .add("symbol", a.getSymbol())
                .add("condition", a.getCondition())
                .add("price", MarketData.plain(a.getPrice()))
                .add("createdAt", WireJson.timestamp(Instant.ofEpochMilli(a.getCreatedAt())))
                .add("triggered", a.getTriggeredAt() != null);
        if (a.getTriggeredAt() != null) {
            b.add("triggeredAt", WireJson.timestamp(Instant.ofEpochMilli(a.getTriggeredAt())))
                    .add("currentPrice", MarketData.plain(a.getTriggerPrice()));
        }
        return b.build();
    }
}
