package io.herald.common.control;

import jakarta.ejb.ApplicationException;

/** The caller is authenticated but may not touch this record or location; the message is shown to the client. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
