package io.herald.common.control;

import jakarta.ejb.ApplicationException;

/** A record that does not exist (or that the caller may not see); the message is shown to the client. */
@ApplicationException(rollback = true)
public class UnknownRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownRecordException(String message) {
        super(message);
    }
}
