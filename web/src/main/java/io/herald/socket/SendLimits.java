package io.herald.socket;

/**
 * What one client may make the server hold before it is closed with 1013.
 *
 * @param frames frames waiting in Herald's queue for this session
 * @param pendingBytes UTF-8 bytes waiting in Herald's queue plus bytes handed to the container
 *     that the client has not yet proven to have read (see {@link ReadReceipts})
 * @param pingEveryBytes bytes written between two read-receipt pings
 */
public record SendLimits(int frames, long pendingBytes, long pingEveryBytes) {

    public SendLimits {
        if (frames < 1 || pendingBytes < 1 || pingEveryBytes < 1) {
            throw new IllegalArgumentException("send limits must be positive");
        }
    }

    /** Pings that may wait for their pong at once: enough to cover {@code pendingBytes}. */
    int maxOutstandingPings() {
        return (int) Math.min(1024, pendingBytes / pingEveryBytes + 2);
    }
}
