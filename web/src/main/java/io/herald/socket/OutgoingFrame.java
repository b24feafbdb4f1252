package io.herald.socket;

import java.nio.charset.StandardCharsets;

/**
 * One text frame on its way to a client, with its size in UTF-8 bytes computed once. An event's
 * frame is built once per wire format and shared by every session of that format.
 *
 * @param event whether it carries an event (counted as a delivery when written)
 * @param committedAt when that event was committed (epoch ms), to time its delivery; {@code 0}: not timed
 */
public record OutgoingFrame(String text, int bytes, boolean event, long committedAt) {

    /** A keepalive ping (compared by identity): the sender writes a ping frame in its place. */
    static final OutgoingFrame KEEPALIVE = new OutgoingFrame("", 0, false, 0);

    /** A reply or any other frame that is not an event. */
    public static OutgoingFrame of(String text) {
        return new OutgoingFrame(text, utf8Length(text), false, 0);
    }

    /** An event's frame; {@code committedAt} 0 for one that is not to be timed (a replay). */
    public static OutgoingFrame event(String text, long committedAt) {
        return new OutgoingFrame(text, utf8Length(text), true, committedAt);
    }

    static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 2; // with its low surrogate: 4 bytes for 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
