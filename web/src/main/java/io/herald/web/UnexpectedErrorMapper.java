package io.herald.web;

import io.herald.common.control.LogLimiter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper answers. A body past {@link RequestBodyLimit} (however the reader
 * wrapped it) is 413; an exception wrapping one that has its own mapper (an EJB's) is answered by
 * that mapper; the database being away is 503 with {@code Retry-After} ({@link DatabaseUnavailable}); anything else is 500 {@code {"type":"error","message":"Internal Server Error"}}
 * without the exception's name or text, and one log line for the operator (at most one per
 * 10 s; the stack trace at {@code FINE}).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    static final String MESSAGE = "Internal Server Error";
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
    private static final LogLimiter LOG_LIMIT = new LogLimiter(LOG, Duration.ofSeconds(10));
    private static final LogLimiter DATABASE_AWAY = new LogLimiter(LOG, Duration.ofSeconds(10));

    @Context
    Providers providers;

    @Context
    UriInfo uri;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable error) {
        var tooLarge = RequestBodyTooLargeException.in(error);
        if (tooLarge.isPresent()) {
            return Response.fromResponse(ErrorResponses.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, tooLarge.get().getMessage()))
                    .header("Connection", "close").build();
        }
        if (DatabaseUnavailable.causedBy(error)) {
            String path = uri == null ? "?" : uri.getPath();
            DATABASE_AWAY.log(Level.WARNING, () -> "The database is not available: 503 on /" + path + " (" + error.getClass().getName() + ")");
            return DatabaseUnavailable.response();
        }
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            ExceptionMapper mapper = providers == null ? null : providers.getExceptionMapper(cause.getClass());
            if (mapper != null && !(mapper instanceof UnexpectedErrorMapper)) {
                return mapper.toResponse(cause);
            }
        }
        String path = uri == null ? "?" : uri.getPath();
        LOG_LIMIT.log(Level.WARNING, () -> "Unexpected " + error.getClass().getName() + " answered 500 on /" + path + ": " + error.getMessage());
        LOG.log(Level.FINE, "Unexpected error", error);
        return ErrorResponses.of(Response.Status.INTERNAL_SERVER_ERROR, MESSAGE);
    }
}
