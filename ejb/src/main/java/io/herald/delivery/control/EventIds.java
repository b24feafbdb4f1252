package io.herald.delivery.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The event ids clients see and pass back to resume. Normally {@code <epoch>.<event-log id>}, for
 * example {@code 3f9a0c1d7e42.1042}: the epoch names the event log (a new database has a new one),
 * so an id kept from another database is recognised as such, and the id says "everything up to
 * here". When the node delivering the event knows ids below it that may still commit (a
 * transaction that took an id and had not committed when a higher id went out), the id also
 * carries the resume point and those open ids, so that a client resuming with it gets them if they
 * commit later and nothing twice: {@code <epoch>.<id>[r<resume after>][h<open id>]…}, for example
 * {@code 3f9a0c1d7e42.1040r1042} (a late event, 1040, delivered after 1042) or
 * {@code 3f9a0c1d7e42.1045h1043} (1043 not committed when 1045 went out). Clients treat the id as
 * opaque.
 */
public final class EventIds {

    /** The most open ids one client id carries (the newest ones). */
    public static final int MAX_OPEN = 8;

    /** The longest id accepted back from a client (an epoch, the id, the resume point and {@value #MAX_OPEN} open ids). */
    public static final int MAX_LENGTH = 256;

    /**
     * A parsed id: the log it came from, the event's position in it, and where a resume starts:
     * after {@code after}, plus the {@code open} ids below it.
     */
    public record Point(String epoch, long id, long after, List<Long> open) {

        public Point {
            open = List.copyOf(open);
        }

        /** A plain id: everything up to {@code id}. */
        public Point(String epoch, long id) {
            this(epoch, id, id, List.of());
        }
    }

    private EventIds() {
    }

    public static String wire(String epoch, long id) {
        return epoch + "." + id;
    }

    /** The id of event {@code id} for a client that has every event up to {@code after} except {@code open}. */
    public static String wire(String epoch, long id, long after, List<Long> open) {
        if (after == id && open.isEmpty()) {
            return wire(epoch, id);
        }
        StringBuilder b = new StringBuilder(epoch.length() + 24 + 12 * open.size()).append(epoch).append('.').append(id);
        if (after != id) {
            b.append('r').append(after);
        }
        for (long o : open) {
            b.append('h').append(o);
        }
        return b.toString();
    }

    /** The parts of {@code wire}, or empty when it is not an id of this form. */
    public static Optional<Point> parse(String wire) {
        if (wire == null || wire.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = wire.indexOf('.');
        if (dot <= 0 || dot == wire.length() - 1) {
            return Optional.empty();
        }
        String epoch = wire.substring(0, dot);
        int[] at = {dot + 1};
        long id = number(wire, at);
        if (id < 0) {
            return Optional.empty();
        }
        long after = id;
        if (at[0] < wire.length() && wire.charAt(at[0]) == 'r') {
            at[0]++;
            after = number(wire, at);
            if (after < 0) {
                return Optional.empty();
            }
        }
        List<Long> open = new ArrayList<>();
        while (at[0] < wire.length() && wire.charAt(at[0]) == 'h' && open.size() < MAX_OPEN) {
            at[0]++;
            long o = number(wire, at);
            if (o < 0 || o >= after) {
                return Optional.empty();
            }
            open.add(o);
        }
        return at[0] == wire.length() ? Optional.of(new Point(epoch, id, after, open)) : Optional.empty();
    }

    /** The decimal number at {@code at[0]}, advancing it; {@code -1} when there is none or it is too long. */
    private static long number(String s, int[] at) {
        int start = at[0];
        int end = start;
        while (end < s.length() && end - start < 18 && Character.isDigit(s.charAt(end)) && s.charAt(end) < 128) {
            end++;
        }
        if (end == start || (end < s.length() && Character.isDigit(s.charAt(end)))) {
            return -1;
        }
        at[0] = end;
        return Long.parseLong(s, start, end, 10);
    }
}
