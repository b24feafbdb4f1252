package io.herald.common.control;

import jakarta.ejb.ApplicationException;

/** Input that breaks a rule; the message is shown to the client as it is. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
