package io.herald.orders.control;

import java.security.SecureRandom;

/**
 * Random identifiers and secrets: a prefix and base62 characters from {@link SecureRandom}
 * ({@code ord_} + 20 for orders, {@code ak_} + 24 for API keys, {@code sk_} + 32 for secrets,
 * i.e. about 119, 143 and 190 random bits).
 */
public final class RandomIds {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static String orderId() {
        return random("ord_", 20);
    }

    public static String apiKey() {
        return random("ak_", 24);
    }

    public static String secret() {
        return random("sk_", 32);
    }

    static String random(String prefix, int length) {
        StringBuilder s = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            s.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return s.toString();
    }
}
