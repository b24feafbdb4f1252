package io.herald.trading.control;

import io.herald.common.control.LogLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A random-walk market feed for demos, off by default ({@code herald.trading.feed.enabled}):
 * {@code herald.trading.feed.ticks-per-second} ticks a second over the markets, through the same
 * path as posted ticks. It runs on every node where it is enabled: enable it on one.
 */
@Singleton
@Startup
public class SimulatedFeed {

    private static final Logger LOG = Logger.getLogger(SimulatedFeed.class.getName());
    private static final LogLimiter FAILURES = new LogLimiter(LOG, Duration.ofMinutes(1));

    @Inject
    @ConfigProperty(name = "herald.trading.feed.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "herald.trading.feed.ticks-per-second", defaultValue = "5")
    double ticksPerSecond;

    @Inject
    TradingMarkets markets;

    @Inject
    MarketData market;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<String, BigDecimal> prices = new HashMap<>();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        if (ticksPerSecond <= 0 || ticksPerSecond > 1000) {
            throw new IllegalStateException("herald.trading.feed.ticks-per-second must be above 0 and at most 1000");
        }
        long periodMicros = Math.round(1_000_000 / ticksPerSecond);
        task = scheduler.scheduleAtFixedRate(this::tick, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
        LOG.info(() -> "Simulated market feed on: " + ticksPerSecond + " ticks/s over " + markets.symbols());
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        try {
            List<String> symbols = List.copyOf(markets.symbols());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String symbol = symbols.get(random.nextInt(symbols.size()));
            BigDecimal price;
            synchronized (prices) {
                BigDecimal last = prices.getOrDefault(symbol, BigDecimal.valueOf(100 + random.nextInt(900)));
                price = last.multiply(BigDecimal.valueOf(1 + (random.nextDouble() - 0.5) / 100)).setScale(2, RoundingMode.HALF_UP);
                prices.put(symbol, price);
            }
            market.ingest(List.of(new MarketData.Tick(symbol, price, BigDecimal.valueOf(random.nextInt(1, 100)), Instant.now())));
        } catch (RuntimeException e) {
            FAILURES.log(Level.WARNING, () -> "Simulated market tick failed: " + e);
        }
    }
}
