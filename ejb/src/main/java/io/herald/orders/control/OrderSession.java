package io.herald.orders.control;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The protocol state of one order-status connection: unauthenticated until a {@code connect}
 * succeeds, then authenticated as one {@link OrderClient} for good. It counts refused connects:
 * the {@value #MAX_FAILED_CONNECTS}th ends the connection. Thread-safe; no WebSocket types.
 */
public final class OrderSession {

    public static final int MAX_FAILED_CONNECTS = 5;
    public static final String ALREADY_AUTHENTICATED = "already authenticated";

    /** What a {@code connect} did. */
    public sealed interface ConnectOutcome {
    }

    /** Authenticated now. */
    public record Connected(OrderClient client) implements ConnectOutcome {
    }

    /** Refused; the connection stays open and unauthenticated (or authenticated as before). */
    public record Refused(String message) implements ConnectOutcome {
    }

    /** Refused for the {@value #MAX_FAILED_CONNECTS}th time: close the connection. */
    public record TooManyFailures() implements ConnectOutcome {
    }

    private final BiFunction<String, String, Authentication> authenticator;
    private final SubscriptionRules rules;
    private OrderClient client;
    private int failures;

    /** @param authenticator checks {@code api_key} and {@code authorization_signature} (see {@link Authenticator}) */
    public OrderSession(BiFunction<String, String, Authentication> authenticator, SubscriptionRules rules) {
        this.authenticator = authenticator;
        this.rules = rules;
    }

    public synchronized ConnectOutcome connect(ConnectRequest request) {
        if (client != null) {
            return new Refused(ALREADY_AUTHENTICATED);
        }
        Authentication result = authenticator.apply(request.apiKey(), request.signature());
        if (result instanceof Authentication.Authenticated ok) {
            client = ok.client();
            return new Connected(client);
        }
        failures++;
        return failures >= MAX_FAILED_CONNECTS
                ? new TooManyFailures()
                : new Refused(((Authentication.Refused) result).message());
    }

    public synchronized SubscriptionRules.Decision subscribe(SubscriptionRequest request) {
        return rules.subscribe(client, request);
    }

    public synchronized SubscriptionRules.Decision unsubscribe(SubscriptionRequest request) {
        return rules.unsubscribe(client, request);
    }

    /** The client, once a connect succeeded. */
    public synchronized Optional<OrderClient> client() {
        return Optional.ofNullable(client);
    }

    public synchronized boolean isAuthenticated() {
        return client != null;
    }
}
