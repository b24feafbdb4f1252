package io.herald.web;

import io.herald.common.control.ConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Conflicts with the current state: 409. */
@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {

    @Override
    public Response toResponse(ConflictException e) {
        return ErrorResponses.of(Response.Status.CONFLICT, e.getMessage());
    }
}
