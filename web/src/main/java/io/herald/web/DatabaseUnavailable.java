package io.herald.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises an error that means "the database cannot be reached now" (a pool that cannot open a
 * connection within its wait, a connection that broke, a server shutting down or starting up) and
 * answers it as every REST endpoint does while the database is away: 503 in the REST error shape
 * with {@code Retry-After}, never a 500. Nothing was committed: a client may retry.
 */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "The database is not available; retry later";
    /** What {@code Retry-After} says (seconds): about what a database restart takes. */
    public static final long RETRY_AFTER_SECONDS = 5;

    /**
     * SQL states of a database that is away: PostgreSQL's admin and crash shutdown and "cannot
     * connect now" (starting up), H2's broken connection and its database closed.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "90067", "90098", "90121");

    private DatabaseUnavailable() {
    }

    /** Whether {@code error} or one of its causes says the database cannot be reached. */
    public static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage());
                // GlassFish/Payara's pool: "Error in allocating a connection. Cause: Connection could not be allocated because: …"
                if (message.contains("allocating a connection") || message.contains("could not be allocated")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 503 {@code {"type":"error","message":…}} with {@code Retry-After}. */
    public static Response response() {
        return Response.fromResponse(ErrorResponses.of(Response.Status.SERVICE_UNAVAILABLE, MESSAGE))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
