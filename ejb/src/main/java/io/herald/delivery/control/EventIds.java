package io.herald.delivery.control;

import java.util.Optional;

/**
 * The event ids clients see: {@code <epoch>.<event-log id>}, for example {@code 3f9a0c1d7e42.1042}.
 * The epoch names the event log (a new database has a new one), so an id kept from another
 * database is recognised as such when a client resumes with it. Clients treat the id as opaque.
 */
public final class EventIds {

    /** The longest id accepted back from a client. */
    public static final int MAX_LENGTH = 64;

    /** A parsed id: the log it came from and the position in it. */
    public record Point(String epoch, long id) {
    }

    private EventIds() {
    }

    public static String wire(String epoch, long id) {
        return epoch + "." + id;
    }

    /** The epoch and id of {@code wire}, or empty when it is not an id of this form. */
    public static Optional<Point> parse(String wire) {
        if (wire == null || wire.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = wire.lastIndexOf('.');
        if (dot <= 0 || dot == wire.length() - 1) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(wire.substring(dot + 1));
            return id >= 0 ? Optional.of(new Point(wire.substring(0, dot), id)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
