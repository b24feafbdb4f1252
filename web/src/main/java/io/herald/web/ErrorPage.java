package io.herald.web;

import static io.herald.common.control.Jsons.JSON;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * The container's error page ({@code WEB-INF/web.xml}) for errors outside JAX-RS: the status and
 * its reason in the REST error shape, never the server's HTML page with exception names; the
 * database being away is 503 with {@code Retry-After} here too.
 */
@WebServlet(name = "ErrorPage", urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/herald-error";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c && c >= 400 && c < 600 ? c : HttpServletResponse.SC_NOT_FOUND;
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable t) {
            LOG.fine(() -> "Error page for " + t.getClass().getName());
        }
        boolean databaseAway = error instanceof Throwable t && DatabaseUnavailable.causedBy(t);
        if (databaseAway) {
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        jakarta.ws.rs.core.Response.Status known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        String reason = databaseAway ? DatabaseUnavailable.MESSAGE : known == null ? "Error" : known.getReasonPhrase();
        byte[] body = JSON.createObjectBuilder().add("type", "error").add("message", reason).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
