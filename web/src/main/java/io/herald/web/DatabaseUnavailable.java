package io.herald.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Recognises an error that means "the database cannot be reached now" (a pool that cannot open a
 * connection within its wait, a connection that broke, also as its transaction began or committed,
 * a server shutting down or starting up) and
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

    /**
     * What the drivers say when the connection is gone (PostgreSQL's admin shutdown 57P01, a closed
     * connection 08003, a broken socket 08006; H2's 90067 and 90098). The transaction manager reports a
     * connection that fails as its transaction begins or commits as an {@link XAException} that keeps
     * only the failure's text, without its cause or SQL state, so that text is all there is to go by.
     */
    private static final List<String> CONNECTION_GONE = List.of("terminating connection due to administrator command",
            "This connection has been closed", "An I/O error occurred while sending to the backend",
            "Connection is broken", "Database is already closed");

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
            if (t instanceof XAException) {
                String message = String.valueOf(t.getMessage());
                if (CONNECTION_GONE.stream().anyMatch(message::contains)) {
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
