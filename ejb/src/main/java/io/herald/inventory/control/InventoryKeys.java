package io.herald.inventory.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Routing keys and names of inventory events. */
public final class InventoryKeys {

    public static final String PRODUCT = "inventory";

    /** The event that announces a new notification to its user's connections. */
    public static final String NOTIFICATION_CREATED = "notification:created";

    private InventoryKeys() {
    }

    /** The key of a user's notifications; the user id is URL-encoded so that keys never contain spaces. */
    public static String user(String userId) {
        return PRODUCT + ":user:" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
    }
}
