package io.herald.socket;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * What a client has proven to have read. Every {@code every} bytes written, the sender sends a
 * WebSocket ping whose payload is an unguessable token and the byte count written so far;
 * RFC 6455 (section 5.5.2) obliges the client to answer with a pong carrying the same payload, and
 * it can only do so after reading every frame before the ping. Bytes written but not covered by
 * an answered ping are held somewhere between Herald and the client's application (the
 * container's write queue, the kernel's buffers), so their count bounds what a client that
 * stops reading can make the server hold, whatever the container reports about its sends.
 */
final class ReadReceipts {

    /** Token (8 bytes) and byte offset (8 bytes). */
    static final int PAYLOAD = 16;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final long every;
    private final int maxOutstanding;
    private final ArrayDeque<long[]> outstanding = new ArrayDeque<>();
    private long written;
    private long acknowledged;
    private long lastPingAt;

    /**
     * @param every bytes written between two pings
     * @param maxOutstanding pings that may wait for their pong; older ones are forgotten
     */
    ReadReceipts(long every, int maxOutstanding) {
        if (every < 1 || maxOutstanding < 1) {
            throw new IllegalArgumentException("every and maxOutstanding must be positive");
        }
        this.every = every;
        this.maxOutstanding = maxOutstanding;
    }

    /**
     * Counts bytes handed to the container.
     *
     * @return the payload of a ping to send now (after those bytes), or empty
     */
    synchronized Optional<ByteBuffer> written(long bytes) {
        written += bytes;
        if (written - lastPingAt < every) {
            return Optional.empty();
        }
        return Optional.of(ping());
    }

    /** The payload of a ping to send now whatever was written since the last one (a keepalive ping is a receipt too). */
    synchronized ByteBuffer ping() {
        lastPingAt = written;
        long token = TOKENS.nextLong();
        if (outstanding.size() == maxOutstanding) {
            outstanding.removeFirst();
        }
        outstanding.addLast(new long[] {token, written});
        return ByteBuffer.allocate(PAYLOAD).putLong(token).putLong(written).flip();
    }

    /**
     * A pong arrived. Only the answer to a ping of ours counts (unsolicited or forged pongs do
     * not); it acknowledges everything written before that ping.
     *
     * @return whether the pong answered an outstanding ping
     */
    synchronized boolean pong(ByteBuffer payload) {
        if (payload == null || payload.remaining() != PAYLOAD) {
            return false;
        }
        long token = payload.getLong(payload.position());
        long offset = payload.getLong(payload.position() + Long.BYTES);
        for (long[] ping : outstanding) {
            if (ping[0] == token && ping[1] == offset) {
                while (!outstanding.isEmpty() && outstanding.peekFirst()[1] <= offset) {
                    outstanding.removeFirst();
                }
                acknowledged = Math.max(acknowledged, offset);
                return true;
            }
        }
        return false;
    }

    /** Bytes written that the client has not proven to have read. */
    synchronized long unacknowledged() {
        return written - acknowledged;
    }
}
