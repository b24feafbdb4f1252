package io.herald.web;

import io.herald.common.control.InvalidInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Rule violations in a request: 400. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException e) {
        return ErrorResponses.of(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
