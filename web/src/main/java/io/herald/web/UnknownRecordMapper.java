package io.herald.web;

import io.herald.common.control.UnknownRecordException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Records that do not exist: 404. */
@Provider
public class UnknownRecordMapper implements ExceptionMapper<UnknownRecordException> {

    @Override
    public Response toResponse(UnknownRecordException e) {
        return ErrorResponses.of(Response.Status.NOT_FOUND, e.getMessage());
    }
}
