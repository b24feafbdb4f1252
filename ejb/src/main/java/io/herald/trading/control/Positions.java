package io.herald.trading.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.ConflictException;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.UnknownRecordException;
import io.herald.common.control.WireJson;
import io.herald.trading.entity.Candle;
import io.herald.trading.entity.TradingPosition;
import io.herald.trading.entity.TradingPosition.Transition;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users' positions. Opening and closing are REST calls of the owner; every tick of a symbol
 * revalues its open positions in the tick's transaction ({@code position_status_update} to each
 * owner) and hands the ones that became at risk or reached the auto-close threshold to the
 * {@link MarginGuard}. The positions of the symbol are locked for the tick
 * ({@code SELECT … FOR UPDATE}), so ticks of one symbol arriving on several nodes at once take
 * their turns and each transition of a position is seen, and acted on, by exactly one of them.
 */
@Stateless
public class Positions {

    public static final String UPDATED = "position_status_update";
    public static final int MAX_OPEN_PER_USER = 100;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    @Inject
    GuardThresholds thresholds;

    @Inject
    MarginGuard guard;

    /** What a client asks to open. */
    public record Order(String symbol, String side, BigDecimal size, BigDecimal entryPrice, BigDecimal margin, int leverage) {
    }

    /** Opens a position of the user at the order's entry price, or at the symbol's last price when it names none. */
    public JsonObject open(String userId, Order order) {
        long open = em.createNamedQuery("TradingPosition.countOpenOf", Long.class).setParameter("user", userId).getSingleResult();
        if (open >= MAX_OPEN_PER_USER) {
            throw new ConflictException("At most " + MAX_OPEN_PER_USER + " open positions per user");
        }
        BigDecimal entry = order.entryPrice() != null ? order.entryPrice()
                : lastPrice(order.symbol()).orElseThrow(() -> new InvalidInputException(
                        "no price for " + order.symbol() + " yet; give entryPrice"));
        TradingPosition p;
        try {
            p = new TradingPosition(userId, order.symbol(), order.side(), order.size(), entry, order.margin(), order.leverage(),
                    Instant.now().toEpochMilli());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage()); // the entity's rules: size at most margin × leverage, …
        }
        em.persist(p);
        return updated(p);
    }

    /** The close of the symbol's newest 1-minute candle: the price of its latest tick. */
    private Optional<BigDecimal> lastPrice(String symbol) {
        return em.createNamedQuery("Candle.series", Candle.class).setParameter("symbol", symbol).setParameter("timeframe", Timeframe.M1.wireName())
                .setParameter("since", Long.MIN_VALUE).setMaxResults(1).getResultStream().findFirst().map(Candle::getClose);
    }

    /** The user's positions, newest first, at most {@code max}; only open ones when {@code openOnly}. */
    public List<JsonObject> list(String userId, boolean openOnly, int max) {
        return em.createNamedQuery(openOnly ? "TradingPosition.openOf" : "TradingPosition.ofUser", TradingPosition.class)
                .setParameter("user", userId).setMaxResults(max).getResultStream().map(Positions::wire).toList();
    }

    public JsonObject get(String userId, String id) {
        return wire(owned(userId, id, LockModeType.NONE));
    }

    /** The owner closes an open position at its current price. */
    public JsonObject close(String userId, String id) {
        TradingPosition p = owned(userId, id, LockModeType.PESSIMISTIC_WRITE);
        if (!p.isOpen()) {
            throw new ConflictException("Position " + id + " is already closed");
        }
        p.close(Instant.now().toEpochMilli(), TradingPosition.USER_CLOSE);
        return updated(p);
    }

    private TradingPosition owned(String userId, String id, LockModeType lock) {
        TradingPosition p = em.find(TradingPosition.class, id, lock);
        if (p == null || !p.getUserId().equals(userId)) {
            throw new UnknownRecordException("Position " + id + " not found");
        }
        return p;
    }

    /**
     * In the tick's transaction: revalues the symbol's open positions last valued before the tick
     * (an older tick, e.g. a backfill, moves nothing) and runs the guard for the users whose
     * positions became at risk or reached the auto-close threshold; @return how many were revalued
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int revalue(String symbol, BigDecimal price, Instant at) {
        long now = at.toEpochMilli();
        int revalued = 0;
        Map<String, List<TradingPosition>> acted = new LinkedHashMap<>();
        for (TradingPosition p : em.createNamedQuery("TradingPosition.openIn", TradingPosition.class)
                .setParameter("symbol", symbol).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            if (p.getUpdatedAt() > now) {
                continue;
            }
            Transition t = p.revalue(price, now, thresholds.atRisk(), thresholds.autoClose());
            updated(p);
            revalued++;
            if (t == Transition.BECAME_AT_RISK || t == Transition.AUTO_CLOSED) {
                acted.computeIfAbsent(p.getUserId(), u -> new ArrayList<>()).add(p);
            }
        }
        acted.forEach((user, positions) -> guard.execute(user, positions, at));
        return revalued;
    }

    /** Announces the position's state to its owner; @return its wire form */
    private JsonObject updated(TradingPosition p) {
        JsonObject view = wire(p);
        JsonObject data = JSON.createObjectBuilder().add("userId", p.getUserId()).add("position", view).build();
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, UPDATED, data, Set.of(TradingKeys.user(p.getUserId()))));
        return view;
    }

    /**
     * The document's position fields, plus {@code status}, {@code liquidationPrice},
     * {@code openedAt} and, once closed, {@code closedAt} and {@code closeReason}.
     */
    public static JsonObject wire(TradingPosition p) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", p.getId())
                .add("symbol", p.getSymbol())
                .add("side", p.getSide())
                .add("size", MarketData.plain(p.getSize()))
                .add("entryPrice", MarketData.plain(p.getEntryPrice()))
                .add("currentPrice", MarketData.plain(p.getCurrentPrice()))
                .add("margin", MarketData.plain(p.getMargin()))
                .add("leverage", p.getLeverage())
                .add("pnl", MarketData.plain(p.getPnl()))
                .add("distanceToLiquidation", MarketData.plain(p.getDistanceToLiquidation()))
                .add("isAtRisk", p.isAtRisk())
                .add("updatedAt", WireJson.timestamp(Instant.ofEpochMilli(p.getUpdatedAt())))
                .add("status", p.getStatus())
                .add("liquidationPrice", MarketData.plain(p.liquidationPrice()))
                .add("openedAt", WireJson.timestamp(Instant.ofEpochMilli(p.getOpenedAt())));
        if (p.getClosedAt() != null) {
            b.add("closedAt", WireJson.timestamp(Instant.ofEpochMilli(p.getClosedAt()))).add("closeReason", p.getCloseReason());
        }
        return b.build();
    }
}
