package io.herald.socket;

import io.herald.common.control.LogLimiter;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.eventlog.control.EventReplay;
import io.herald.operations.control.GatewayMeter;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The skeleton of every product's socket. A product's endpoint extends it with
 * {@code @ServerEndpoint(value = …, configurator = SharedEndpointConfigurator.class)} (or
 * {@link HttpSessionConfigurator}) and says only what its document makes different: how a client
 * is accepted ({@link #accept}), what follows ({@link #opened}), and how a text frame becomes a
 * command ({@link #decode}); its connection class supplies the error and pong shapes. The skeleton
 * owns the rest, the same for every product:
 * <ul>
 * <li>frames over {@value #MAX_FRAME_BYTES} bytes close the socket with 1009 (the container does it
 * where it honours {@code maxMessageSize}, Herald where it does not);</li>
 * <li>the connection is kept in the session, registered with the node's registry once accepted
 * and removed, with its timers, when the socket closes;</li>
 * <li>a browser page of a foreign origin is refused with 1008 {@value OriginPolicy#REFUSED} on the
 * sockets a cookie authenticates (their configurator marks it, {@link HttpSessionConfigurator});</li>
 * <li>every text or binary frame passes the connection's inbound rate limit ({@link InboundLimit},
 * {@link #inboundLimit}): beyond it a frame is dropped unread and answered with the product's
 * {@link SocketConnection#rateLimited} error, and a client that keeps flooding is closed with 1008
 * {@value SocketClose#RATE_LIMITED_REASON};</li>
 * <li>text frames then run decode → command → reply; replies go through the send queue and error replies
 * through the connection's error budget ({@link SocketSubscriber#reply});</li>
 * <li>binary frames get the product's error {@value SocketSubscriber#BINARY_NOT_SUPPORTED};</li>
 * <li>transport errors are logged at FINE only (the close that follows is what matters).</li>
 * </ul>
 * One instance serves every connection of an endpoint, so per-connection state lives in the
 * connection, never in fields.
 *
 * @param <C> the product's connection
 */
public abstract class ProductSocket<C extends SocketConnection> {

    /** The largest frame any product accepts. */
    public static final int MAX_FRAME_BYTES = 65536;

    private static final Logger LOG = Logger.getLogger(ProductSocket.class.getName());
    /** One line per minute however many clients flood their sockets. */
    private static final LogLimiter RATE_LIMITED = new LogLimiter(LOG, Duration.ofMinutes(1));
    private static final String CONNECTION = "herald.socket.connection";

    @Inject
    protected SessionRegistry registry;

    @Inject
    protected SendQueues sendQueues;

    @Inject
    protected SocketTimers timers;

    /** What a client that resumes a subscription missed ({@link SocketConnection#resume}). */
    @Inject
    protected EventReplay replay;

    @Inject
    protected GatewayMeter meter;

    @Inject
    protected InboundLimits inboundLimits;

    /** The product's name ({@code commerce}, ...): its counters, and the key of its encoded events. */
    protected abstract String product();

    /**
     * Authenticates the upgraded socket and builds its connection, without sending anything yet.
     * @return the connection, or {@code null} after closing the session with the product's refusal
     */
    protected abstract C accept(Session session) throws IOException;

    /** Runs once the connection is registered: the greeting, subscriptions implied by the login, timers. */
    protected void opened(C connection) throws IOException {
    }

    /**
     * The inbound rate limit of this product's connections; by default the one every product has
     * ({@code herald.socket.rate-limit.*}). A product whose document sets its own overrides this.
     */
    protected InboundLimit.Settings inboundLimit() {
        return inboundLimits.settings();
    }

    /** Reads one text frame as a command of the product; never throws. */
    protected abstract SocketCommand<? super C> decode(String text);

    /** Closes the session with 1008 and {@code reason}, for {@link #accept}: @return {@code null} */
    protected final C refuse(Session session, String reason) throws IOException {
        meter.product(product()).handshakeRefused(reason);
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(SocketClose.POLICY_VIOLATION), reason));
        return null;
    }

    /** A send queue for this session, with the product's event encoder. */
    protected final SocketSubscriber subscriber(Session session, Function<EventEnvelope, String> encoder) {
        return sendQueues.subscriber(session, product(), encoder);
    }

    @OnOpen
    public void onOpen(Session session) throws IOException {
        if (Boolean.TRUE.equals(session.getUserProperties().get(SharedEndpointConfigurator.ORIGIN_REFUSED))) {
            refuse(session, OriginPolicy.REFUSED);
            return;
        }
        C connection = accept(session);
        if (connection == null) {
            return;
        }
        meter.product(product()).handshakeAccepted();
        connection.limitInbound(new InboundLimit(inboundLimit(), System::nanoTime));
        session.getUserProperties().put(CONNECTION, connection);
        registry.register(connection);
        opened(connection);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void onText(Session session, String text) throws IOException {
        if (tooBig(text)) {
            // Tyrus enforces maxMessageSize before this; Undertow (WildFly) hands the whole frame over
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(SocketClose.TOO_BIG), SocketClose.TOO_BIG_REASON));
            return;
        }
        C connection = connection(session);
        if (connection != null) {
            connection.out().received(OutgoingFrame.utf8Length(text));
        }
        if (connection != null && admit(connection)) {
            connection.out().reply(decode(text).runOn(connection));
        }
    }

    /** Whether {@code text} is over {@link #MAX_FRAME_BYTES} in UTF-8 (counted only when it could be). */
    static boolean tooBig(String text) {
        if (text.length() <= MAX_FRAME_BYTES / 3) {
            return false;
        }
        return text.length() > MAX_FRAME_BYTES || OutgoingFrame.utf8Length(text) > MAX_FRAME_BYTES;
    }

    /** Every document speaks text only. */
    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void onBinary(Session session, ByteBuffer data) throws IOException {
        if (data.remaining() > MAX_FRAME_BYTES) {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(SocketClose.TOO_BIG), SocketClose.TOO_BIG_REASON));
            return;
        }
        C connection = connection(session);
        if (connection != null) {
            connection.out().received(data.remaining());
        }
        if (connection != null && admit(connection)) {
            connection.out().reply(connection.error(SocketSubscriber.BINARY_NOT_SUPPORTED));
        }
    }

    @OnClose
    public void onClose(Session session) {
        C connection = connection(session);
        if (connection != null) {
            session.getUserProperties().remove(CONNECTION);
            registry.remove(connection);
            connection.closed();
        }
    }

    /**
     * The rate limit: {@code false} when the message is refused, after queueing the connection's
     * {@link SocketConnection#rateLimited} answer (within the error budget) and, when the client
     * keeps flooding, the close with 1008 {@value SocketClose#RATE_LIMITED_REASON} that follows
     * the answers already queued.
     */
    private boolean admit(C connection) {
        InboundLimit.Verdict verdict = connection.inbound().take();
        if (verdict == InboundLimit.Verdict.PASS) {
            return true;
        }
        connection.out().reply(connection.rateLimited());
        if (verdict == InboundLimit.Verdict.CLOSE && !connection.out().closing()) {
            RATE_LIMITED.log(Level.INFO, () -> "Closing " + product() + " WebSocket " + connection.id() + " of " + connection.user()
                    + ": more than " + inboundLimit().closeAfter() + " messages over the rate limit within "
                    + InboundLimit.REFUSAL_WINDOW_SECONDS + " s");
            connection.out().closeWhenSent(SocketClose.POLICY_VIOLATION, SocketClose.RATE_LIMITED_REASON);
            closingForRateLimit(connection);
        }
        return false;
    }

    /**
     * Runs once when {@code connection} is being closed for flooding (after the close is queued), for a
     * product whose document tells someone about it; by default nothing.
     */
    protected void closingForRateLimit(C connection) {
    }

    @OnError
    public void onError(Session session, Throwable error) {
        LOG.fine(() -> "WebSocket " + session.getId() + " error: " + error);
    }

    @SuppressWarnings("unchecked")
    private C connection(Session session) {
        return (C) session.getUserProperties().get(CONNECTION);
    }
}
