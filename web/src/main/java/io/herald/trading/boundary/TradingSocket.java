package io.herald.trading.boundary;

import io.herald.auth.control.TokenVerifier;
import io.herald.socket.BearerTokenConfigurator;
import io.herald.socket.InboundLimit;
import io.herald.socket.ProductSocket;
import io.herald.socket.SocketCommand;
import io.herald.trading.control.AdminNotices;
import io.herald.trading.control.DeliveryReceipts;
import io.herald.trading.control.TradingMarkets;
import io.herald.trading.control.TradingRooms;
import io.herald.trading.control.UserConnections;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /trading/ws} (document 004). Authenticate with {@code Authorization: Bearer} on the
 * upgrade or with a first message {@code {"type":"auth","token":…}}; either way the answer is
 * {@code {"type":"connection","status":"connected",…}}. A refused token answers
 * {@code AUTHENTICATION_FAILED} and closes with 1008; no authentication within
 * {@code herald.trading.auth-timeout-seconds} closes with 1008. Limits: a token bucket per
 * connection ({@code RATE_LIMIT_EXCEEDED}; closed with 1008 after {@code close-after} refusals within 10 s; the skeleton's {@link InboundLimit}),
 * frames over 64 KiB (1009), connections per user per node ({@code CONNECTION_LIMIT}). Breaches of
 * the last two are announced to the admin rooms ({@link AdminNotices}).
 */
@ServerEndpoint(value = "/trading/ws", configurator = BearerTokenConfigurator.class)
public class TradingSocket extends ProductSocket<TradingConnection> {

    private static final String FORMAT = "trading";

    @Override
    protected String product() {
        return FORMAT;
    }

    @Inject
    TokenVerifier verifier;

    @Inject
    UserConnections users;

    @Inject
    TradingMarkets markets;

    @Inject
    DeliveryReceipts receipts;

    @Inject
    AdminNotices admins;

    @Inject
    @ConfigProperty(name = "herald.trading.auth-timeout-seconds", defaultValue = "10")
    long authTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "herald.trading.rate-limit.per-second", defaultValue = "20")
    double ratePerSecond;

    @Inject
    @ConfigProperty(name = "herald.trading.rate-limit.burst", defaultValue = "40")
    int burst;

    @Inject
    @ConfigProperty(name = "herald.trading.rate-limit.close-after", defaultValue = "50")
    int closeAfterRefusals;

    @Inject
    @ConfigProperty(name = "herald.trading.max-connections-per-user", defaultValue = "5")
    int maxConnectionsPerUser;

    private TradingConnection.Services services;
    private InboundLimit.Settings rateLimit;

    @PostConstruct
    void init() {
        services = new TradingConnection.Services(verifier, registry, users, timers, new TradingRooms(markets.symbols()), receipts,
                replay, maxConnectionsPerUser, admins);
        rateLimit = new InboundLimit.Settings(ratePerSecond, burst, closeAfterRefusals);
    }

    @Override
    protected TradingConnection accept(Session session) {
        return new TradingConnection(subscriber(session, TradingCodec::event), services);
    }

    @Override
    protected void opened(TradingConnection connection) {
        String header = (String) connection.out().session().getUserProperties().get(BearerTokenConfigurator.BEARER_TOKEN);
        if (header != null) {
            String reply = connection.authenticate(header);
            if (reply != null) {
                connection.out().send(reply);
            }
            return;
        }
        if (authTimeoutSeconds > 0) {
            connection.endsWithConnection(timers.after(Duration.ofSeconds(authTimeoutSeconds), connection::authenticationDeadline));
        }
    }

    /** Document 004's own limit ({@code herald.trading.rate-limit.*}) instead of every product's. */
    @Override
    protected InboundLimit.Settings inboundLimit() {
        return rateLimit;
    }

    /** A connection closed for flooding is announced to the admin rooms ({@link AdminNotices#rateLimitExceeded}). */
    @Override
    protected void closingForRateLimit(TradingConnection connection) {
        admins.rateLimitExceeded(connection.user(), connection.id(), rateLimit.perSecond(), rateLimit.burst(), rateLimit.closeAfter());
    }

    @Override
    protected SocketCommand<? super TradingConnection> decode(String text) {
        return TradingCodec.decode(text);
    }
}
