package io.herald.socket;

/** The close codes Herald's sockets use (RFC 6455 section 7.4.1), named once for every product. */
public final class SocketClose {

    /** The client sent data the endpoint does not accept. */
    public static final int UNSUPPORTED_DATA = 1003;
    /** Authentication missing, refused, expired or revoked, a foreign origin, or a flood; the reason says which. */
    public static final int POLICY_VIOLATION = 1008;
    /** The 1008 reason of a client closed by the inbound rate limit ({@link InboundLimit}). */
    public static final String RATE_LIMITED_REASON = "Rate limit exceeded";
    /** A frame larger than {@link ProductSocket#MAX_FRAME_BYTES} (the container closes with it). */
    public static final int TOO_BIG = 1009;
    public static final String TOO_BIG_REASON = "Message too big";
    /** 1013 Try Again Later: the client did not read fast enough. */
    public static final int TOO_SLOW = 1013;
    public static final String TOO_SLOW_REASON = "Client too slow: send queue full";

    private SocketClose() {
    }
}
