package io.herald.inventory.control;

import io.herald.inventory.entity.Notification;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The notice a product is due on a given day: a {@code warning} "Product expires in N days"
 * within the warning horizon ("in 1 day", "today"), an {@code error} once it has expired. Each
 * notice has a key that names the product, its expiry date and the day count, so that the scan
 * creates every notice once however often it runs (a changed expiry date starts afresh).
 *
 * @param key unique per product, expiry date and day count
 */
public record ExpiryNotice(String key, String message, Notification.Type type) {

    /** The notice due {@code today} for a product expiring on {@code expiry}, if any. */
    public static Optional<ExpiryNotice> due(long productId, LocalDate expiry, LocalDate today, int horizonDays) {
        long days = ChronoUnit.DAYS.between(today, expiry);
        String prefix = "expiry:" + productId + ":" + expiry + ":";
        if (days < 0) {
            return Optional.of(new ExpiryNotice(prefix + "expired", "Product expired on " + expiry, Notification.Type.ERROR));
        }
        if (days > horizonDays) {
            return Optional.empty();
        }
        String when = days == 0 ? "today" : days == 1 ? "in 1 day" : "in " + days + " days";
        return Optional.of(new ExpiryNotice(prefix + days, "Product expires " + when, Notification.Type.WARNING));
    }
}
