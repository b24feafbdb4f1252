package io.herald.trading.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The product name and routing keys of trading events. */
public final class TradingKeys {

    public static final String PRODUCT = "trading";
    /** Every authenticated connection on every node listens to it. */
    public static final String SYSTEM = PRODUCT + ":system";

    private TradingKeys() {
    }

    public static String user(String userId) {
        return PRODUCT + ":user:" + encode(userId);
    }

    public static String market(String symbol) {
        return PRODUCT + ":market:" + symbol;
    }

    /** Every market's events (the {@code market_data} and {@code historical_data} channels). */
    public static final String ALL_MARKETS = PRODUCT + ":markets";

    public static String admin(int level) {
        return PRODUCT + ":admin:" + level;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
