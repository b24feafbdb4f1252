package io.herald.web;

import static io.herald.common.control.Jsons.JSON;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** REST errors as {@code {"type":"error","message":…}}, the same shape as the socket errors. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder().add("type", "error").add("message", message).build())
                .build();
    }

    /** 429 with {@code Retry-After} in seconds. */
    public static Response tooManyRequests(String message, long retryAfterSeconds) {
        return Response.fromResponse(of(Response.Status.TOO_MANY_REQUESTS, message))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, retryAfterSeconds)).build();
    }
}
