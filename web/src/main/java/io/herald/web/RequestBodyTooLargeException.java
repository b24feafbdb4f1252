package io.herald.web;

import java.io.IOException;

/**
 * A request body went past {@link RequestBodyLimit}'s limit while it was read. An
 * {@code IOException}, so every reader stops where it is; answered 413.
 */
public class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super(message(limit));
        this.limit = limit;
    }

    /** The client's error message. */
    static String message(long limit) {
        return "Request body larger than " + limit + " bytes";
    }

    public long limit() {
        return limit;
    }

    /** The exception (or one of its causes) as this, if it is one. */
    static java.util.Optional<RequestBodyTooLargeException> in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
