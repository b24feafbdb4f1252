package io.herald.orders.control;

/** An {@code authorization_signature} that is refused; the message is shown to the client as it is. */
public class SignatureRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public SignatureRefusedException(String message) {
        super(message);
    }
}
