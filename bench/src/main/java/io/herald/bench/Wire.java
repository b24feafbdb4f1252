package io.herald.bench;

import java.time.Instant;

/** The few wire facts the generator reads, without a JSON library on the hot path of the client. */
public final class Wire {

    private static final String TIMESTAMP = "\"timestamp\":\"";

    private Wire() {
    }

    /** Whether a frame is an event (document 000's shape: {@code {"event":…}}). */
    public static boolean isEvent(CharSequence frame) {
        return frame.length() > 9 && frame.subSequence(0, 9).toString().equals("{\"event\":");
    }

    /** The epoch milliseconds of the frame's last {@code "timestamp":"…"} (the envelope's, after the data). */
    public static long timestampMillis(String frame) {
        int at = frame.lastIndexOf(TIMESTAMP);
        if (at < 0) {
            throw new IllegalArgumentException("no timestamp in " + frame);
        }
        int start = at + TIMESTAMP.length();
        return Instant.parse(frame.substring(start, frame.indexOf('"', start))).toEpochMilli();
    }

    /** A JSON object of about {@code bytes} bytes shaped like a commerce order record. */
    public static String orderLike(int seq, int bytes) {
        String now = Instant.now().toString();
        String base = "{\"id\":" + seq + ",\"order_number\":\"ORD-" + (100000 + seq) + "\",\"status\":\"processing\","
                + "\"payment_status\":\"paid\",\"customer_id\":1,\"currency\":\"USD\",\"total\":" + total(seq)
                + ",\"created_at\":\"" + now + "\",\"updated_at\":\"" + now + "\",\"changed_fields\":{\"total\":" + total(seq) + "}";
        int pad = Math.max(0, bytes - base.length() - 11);
        return base + ",\"note\":\"" + "x".repeat(pad) + "\"}";
    }

    /** A money amount that differs for every {@code seq}. */
    public static String total(int seq) {
        return String.format(java.util.Locale.ROOT, "%d.%02d", 10 + seq / 100, seq % 100);
    }
}
