package io.herald.orders.control;

/** The outcome of checking a {@code connect} message's credentials. */
public sealed interface Authentication {

    /** The credentials are good. */
    record Authenticated(OrderClient client) implements Authentication {
    }

    /** They are not; {@code message} is the error text for the client. */
    record Refused(String message) implements Authentication {
    }
}
