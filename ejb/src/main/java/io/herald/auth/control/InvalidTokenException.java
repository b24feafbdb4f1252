package io.herald.auth.control;

/**
 * A token that was refused. The message is short and safe to show to the client (it becomes a
 * WebSocket close reason, at most 123 bytes, or a REST error message).
 */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
