package io.herald.trading.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

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

    private static final String ADMIN = PRODUCT + ":admin:";

    /** The key of administrative events of {@code level}: admin rooms of that level and above receive them. */
    public static String admin(int level) {
        return ADMIN + level;
    }

    /** The keys the room {@code admin:{level}} listens to: administrative events at or below its level. */
    public static Set<String> adminUpTo(int level) {
        Set<String> keys = new LinkedHashSet<>();
        for (int l = 1; l <= level; l++) {
            keys.add(admin(l));
        }
        return keys;
    }

    /** The level of an administrative event: the lowest of its admin keys; {@code 0} when it has none. */
    public static int adminLevel(Collection<String> routingKeys) {
        int lowest = 0;
        for (String key : routingKeys) {
            if (key.startsWith(ADMIN)) {
                try {
                    int level = Integer.parseInt(key, ADMIN.length(), key.length(), 10);
                    if (level >= 1 && (lowest == 0 || level < lowest)) {
                        lowest = level;
                    }
                } catch (NumberFormatException e) {
                    // not an admin level: no admin room listens to it
                }
            }
        }
        return lowest;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
