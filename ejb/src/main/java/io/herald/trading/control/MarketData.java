package io.herald.trading.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.WireJson;
import io.herald.trading.entity.Candle;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Market ticks become candles (1m, 5m, 1h, persisted) and events: per tick a
 * {@code market_data_update} with the symbol's 24-hour figures (from its 1-minute candles) and a
 * {@code historical_data_update} per timeframe with the candle the tick changed, to the symbol's
 * {@code market:} room and to the {@code market_data} / {@code historical_data} channels; then the
 * symbol's price alerts ({@link PriceAlerts}) and its open positions ({@link Positions}, with the margin guard).
 */
@Stateless
public class MarketData {

    public static final String TICK = "market_data_update";
    public static final String CANDLE = "historical_data_update";
    private static final Duration DAY = Duration.ofHours(24);

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    @Inject
    PriceAlerts alerts;

    @Inject
    Positions positions;

    /** A price (and traded volume) of a symbol at a time. */
    public record Tick(String symbol, BigDecimal price, BigDecimal volume, Instant at) {
    }

    /** Applies the ticks in time order in one transaction; @return how many */
    public int ingest(List<Tick> ticks) {
        ticks.stream().sorted(Comparator.comparing(Tick::at)).forEach(this::apply);
        return ticks.size();
    }

    private void apply(Tick tick) {
        long at = tick.at().toEpochMilli();
        Set<String> keys = Set.of(TradingKeys.market(tick.symbol()), TradingKeys.ALL_MARKETS);
        for (Timeframe tf : Timeframe.values()) {
            long start = tf.startOf(at);
            Candle candle = em.find(Candle.class, Candle.key(tick.symbol(), tf.wireName(), start), LockModeType.PESSIMISTIC_WRITE);
            if (candle == null) {
                candle = new Candle(tick.symbol(), tf.wireName(), start, tick.price(), tick.volume(), at);
                em.persist(candle);
            } else {
                candle.add(tick.price(), tick.volume(), at);
            }
            JsonObject data = JSON.createObjectBuilder()
                    .add("symbol", tick.symbol())
                    .add("timeframe", tf.wireName())
                    .add("candles", JSON.createArrayBuilder().add(wire(candle)))
                    .add("timestamp", WireJson.timestamp(tick.at()))
                    .build();
            events.fire(HeraldEvent.of(TradingKeys.PRODUCT, CANDLE, data, keys));
        }
        em.flush();
        events.fire(HeraldEvent.of(TradingKeys.PRODUCT, TICK, summary(tick), keys));
        alerts.check(tick.symbol(), tick.price(), tick.at());
        positions.revalue(tick.symbol(), tick.price(), tick.at());
    }

    /** The tick with the symbol's figures over the 24 hours before it. */
    private JsonObject summary(Tick tick) {
        long since = tick.at().toEpochMilli() - DAY.toMillis();
        // aggregated by the database: a day has up to 1,440 one-minute candles, and this runs per tick
        BigDecimal open = em.createNamedQuery("Candle.oldestSince", Candle.class).setParameter("symbol", tick.symbol())
                .setParameter("timeframe", Timeframe.M1.wireName()).setParameter("since", since).setMaxResults(1)
                .getResultStream().findFirst().map(Candle::getOpen).orElse(tick.price());
        Object[] range = em.createNamedQuery("Candle.rangeSince", Object[].class).setParameter("symbol", tick.symbol())
                .setParameter("timeframe", Timeframe.M1.wireName()).setParameter("since", since).getSingleResult();
        BigDecimal high = range[0] == null ? tick.price() : tick.price().max((BigDecimal) range[0]);
        BigDecimal low = range[1] == null ? tick.price() : tick.price().min((BigDecimal) range[1]);
        BigDecimal volume = range[2] == null ? BigDecimal.ZERO : (BigDecimal) range[2];
        BigDecimal change = tick.price().subtract(open);
        BigDecimal percent = open.signum() == 0 ? BigDecimal.ZERO
                : change.multiply(BigDecimal.valueOf(100)).divide(open, 2, RoundingMode.HALF_UP);
        return JSON.createObjectBuilder()
                .add("symbol", tick.symbol())
                .add("price", plain(tick.price()))
                .add("change", plain(change))
                .add("changePercent", percent)
                .add("volume", plain(volume))
                .add("high24h", plain(high))
                .add("low24h", plain(low))
                .add("timestamp", WireJson.timestamp(tick.at()))
                .build();
    }

    /** Candles of a symbol and timeframe starting at or after {@code since}, newest first, at most {@code max}. */
    public List<Candle> series(String symbol, Timeframe tf, long since, int max) {
        return em.createNamedQuery("Candle.series", Candle.class)
                .setParameter("symbol", symbol)
                .setParameter("timeframe", tf.wireName())
                .setParameter("since", since)
                .setMaxResults(max)
                .getResultList();
    }

    /** {@code {"time":<epoch s>,"open","high","low","close","volume"}} as in the document. */
    public static JsonObject wire(Candle c) {
        return JSON.createObjectBuilder()
                .add("time", c.getStartAt() / 1000)
                .add("open", plain(c.getOpen()))
                .add("high", plain(c.getHigh()))
                .add("low", plain(c.getLow()))
                .add("close", plain(c.getClose()))
                .add("volume", plain(c.getVolume()))
                .build();
    }

    /** Without trailing zeros and never in exponent notation ({@code 43000}, {@code 0.5}). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static JsonArrayBuilder wire(List<Candle> candles) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        candles.forEach(c -> a.add(wire(c)));
        return a;
    }
}
