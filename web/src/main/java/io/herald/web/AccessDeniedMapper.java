package io.herald.web;

import io.herald.common.control.AccessDeniedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Authenticated but not allowed: 403. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<AccessDeniedException> {

    @Override
    public Response toResponse(AccessDeniedException e) {
        return ErrorResponses.of(Response.Status.FORBIDDEN, e.getMessage());
    }
}
