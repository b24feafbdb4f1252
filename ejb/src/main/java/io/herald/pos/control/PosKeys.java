package io.herald.pos.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The product name and routing keys of point-of-sale events. */
public final class PosKeys {

    public static final String PRODUCT = "pos";

    private PosKeys() {
    }

    /** Subscribers of one channel at one location. */
    public static String location(PosChannel channel, String locationId) {
        return PRODUCT + ":" + channel.wireName() + ":loc:" + encode(locationId);
    }

    /** Subscribers of one user's notifications. */
    public static String user(String userId) {
        return PRODUCT + ":" + PosChannel.NOTIFICATIONS.wireName() + ":user:" + encode(userId);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
