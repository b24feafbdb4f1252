package io.herald.common.control;

import jakarta.ejb.ApplicationException;

/** A change that conflicts with the current state (a duplicate, an illegal transition); the message is shown to the client. */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
