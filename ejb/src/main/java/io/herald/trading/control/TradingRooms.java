package io.herald.trading.control;

import io.herald.auth.control.VerifiedToken;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rooms and channels of document 004 and who may hold them.
 * <ul>
 * <li>{@code user:{userId}}: the caller's own, joined on authentication;</li>
 * <li>{@code admin:{level}}: joined on authentication by callers of the group {@code admin}, at the
 * level of their {@code admin_level} claim (1 when absent); a level above theirs is refused. It
 * receives the administrative events ({@link AdminNotices}) at or below its level;</li>
 * <li>{@code market:{SYMBOL}}: one of the configured symbols, by {@code subscribe};</li>
 * <li>the named channels {@link #CHANNELS}, by {@code subscribe}.</li>
 * </ul>
 */
public final class TradingRooms {

    /** The channels a client subscribes to by name. */
    public static final List<String> CHANNELS = List.of("margin_guard", "positions", "notifications", "system", "alerts", "market_data", "historical_data");
    public static final String ADMIN_GROUP = "admin";
    private static final String ADMIN_ROOM = "admin:";
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}_[A-Z0-9]{2,10}");

    private final Set<String> symbols;

    /** @param symbols the markets clients may subscribe to */
    public TradingRooms(Set<String> symbols) {
        this.symbols = Set.copyOf(symbols);
    }

    public Set<String> symbols() {
        return symbols;
    }

    public static boolean isSymbol(String text) {
        return text != null && SYMBOL.matcher(text).matches();
    }

    /** The rooms a caller joins on authentication. */
    public static List<String> automatic(VerifiedToken caller, int adminLevel) {
        return caller.hasGroup(ADMIN_GROUP) ? List.of("user:" + caller.subject(), ADMIN_ROOM + adminLevel) : List.of("user:" + caller.subject());
    }

    /**
     * Whether the caller may hold {@code room}; @return the reason it may not, empty when it may
     */
    public Optional<String> refusal(String room, VerifiedToken caller, int adminLevel) {
        if (room == null || room.isBlank()) {
            return Optional.of("Missing channel");
        }
        if (CHANNELS.contains(room)) {
            return Optional.empty();
        }
        if (room.startsWith("market:")) {
            String symbol = room.substring("market:".length());
            return symbols.contains(symbol) ? Optional.empty() : Optional.of("Unknown market: " + symbol);
        }
        if (room.startsWith("user:")) {
            return room.equals("user:" + caller.subject()) ? Optional.empty() : Optional.of("Not your user room: " + room);
        }
        if (room.startsWith(ADMIN_ROOM)) {
            if (!caller.hasGroup(ADMIN_GROUP)) {
                return Optional.of("Admin rooms need the admin group");
            }
            OptionalInt level = level(room);
            if (level.isEmpty()) {
                return Optional.of("Unknown room: " + room);
            }
            return level.getAsInt() >= 1 && level.getAsInt() <= adminLevel ? Optional.empty() : Optional.of("Admin room above your level: " + room);
        }
        return Optional.of("Unknown room: " + room);
    }

    /**
     * The routing keys that carry a room's events, empty when it has none of its own: an admin
     * room listens to the administrative events at or below its level.
     */
    public static Set<String> routingKeys(String room) {
        if (room.startsWith("market:")) {
            return Set.of(TradingKeys.market(room.substring("market:".length())));
        }
        if (room.startsWith("user:")) {
            return Set.of(TradingKeys.user(room.substring("user:".length())));
        }
        if (room.startsWith(ADMIN_ROOM)) {
            return TradingKeys.adminUpTo(adminLevel(room));
        }
        if (room.equals("market_data") || room.equals("historical_data")) {
            return Set.of(TradingKeys.ALL_MARKETS);
        }
        return Set.of(); // the user's own channels travel under the user room's key; system under SYSTEM
    }

    /** The level of an admin room ({@code admin:3} → 3); {@code 0} for any other room. */
    public static int adminLevel(String room) {
        return level(room).orElse(0);
    }

    /** The number of an {@code admin:<n>} room, empty for any other room or one whose level is not a number. */
    private static OptionalInt level(String room) {
        if (!room.startsWith(ADMIN_ROOM)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(room, ADMIN_ROOM.length(), room.length(), 10));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The highest admin level among {@code rooms}; {@code 0} when they hold no admin room. */
    public static int adminLevel(Collection<String> rooms) {
        int highest = 0;
        for (String room : rooms) {
            highest = Math.max(highest, adminLevel(room));
        }
        return highest;
    }
}
