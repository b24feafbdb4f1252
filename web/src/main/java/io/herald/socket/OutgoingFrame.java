package io.herald.socket;

import java.nio.charset.StandardCharsets;

/**
 * One text frame on its way to a client, with its size in UTF-8 bytes computed once. An event's
 * frame is built once per wire format and shared by every session of that format, and so is its
 * encoding as a complete WebSocket frame ({@link #wire()}), for the sinks that write those.
 */
public final class OutgoingFrame {

    /** A keepalive ping (compared by identity): the sender writes a ping frame in its place. */
    static final OutgoingFrame KEEPALIVE = new OutgoingFrame("", 0, false, 0);

    private final String text;
    private final int bytes;
    private final boolean event;
    private final long committedAt;
    /** The frame as a server sends it on the wire; computed by the first session that needs it (a benign race). */
    private volatile byte[] wire;

    /**
     * @param event whether it carries an event (counted as a delivery when written)
     * @param committedAt when that event was committed (epoch ms), to time its delivery; {@code 0}: not timed
     */
    private OutgoingFrame(String text, int bytes, boolean event, long committedAt) {
        this.text = text;
        this.bytes = bytes;
        this.event = event;
        this.committedAt = committedAt;
    }

    /** A reply or any other frame that is not an event. */
    public static OutgoingFrame of(String text) {
        return new OutgoingFrame(text, utf8Length(text), false, 0);
    }

    /** An event's frame; {@code committedAt} 0 for one that is not to be timed (a replay). */
    public static OutgoingFrame event(String text, long committedAt) {
        return new OutgoingFrame(text, utf8Length(text), true, committedAt);
    }

    public String text() {
        return text;
    }

    /** The payload's length in UTF-8 bytes. */
    public int bytes() {
        return bytes;
    }

    public boolean event() {
        return event;
    }

    public long committedAt() {
        return committedAt;
    }

    /**
     * The complete WebSocket text frame as a server sends it (RFC 6455 5.2: FIN, opcode 1, no mask,
     * the payload length in 7, 16 or 64 bits, then the UTF-8 payload), encoded once.
     */
    byte[] wire() {
        byte[] w = wire;
        if (w == null) {
            w = textFrame(text);
            wire = w;
        }
        return w;
    }

    static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65_536 ? 4 : 10;
        byte[] frame = new byte[header + n];
        frame[0] = (byte) 0x81;
        if (n < 126) {
            frame[1] = (byte) n;
        } else if (n < 65_536) {
            frame[1] = 126;
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = 127;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, n);
        return frame;
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
