package io.herald.delivery.control;

/**
 * What went over one connection, as an operator reads it. Taken when someone asks (the admin page,
 * a node's status report), never on the delivery path, which only increments the counters behind it.
 *
 * @param remoteAddress the client's (or its last proxy's) IP address, or {@code null} when the container does not tell
 * @param framesSent text frames written to the client (events and replies; pings not counted)
 * @param bytesSent their payload in UTF-8 bytes
 * @param framesReceived text and binary frames the client sent
 * @param bytesReceived their payload in bytes
 * @param lastActivityAt when a frame was last written or read (epoch ms), the opening before the first
 */
public record Traffic(String remoteAddress, long framesSent, long bytesSent, long framesReceived, long bytesReceived, long lastActivityAt) {

    /** For a subscriber that counts nothing. */
    public static final Traffic NONE = new Traffic(null, 0, 0, 0, 0, 0);
}
