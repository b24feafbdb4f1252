package io.herald.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method, wrong media type) in the JSON error shape. */
@Provider
public class WebApplicationErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.Status status = Response.Status.fromStatusCode(original.getStatus());
        if (status == null) {
            return original;
        }
        Response mapped = ErrorResponses.of(status, status.getReasonPhrase());
        return Response.fromResponse(mapped).replaceAll(original.getHeaders()).type("application/json").build();
    }
}
