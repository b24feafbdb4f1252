package io.herald.web;

import static io.herald.common.control.Jsons.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The size limit of every request body the application reads (REST, sign-ins, {@code /api/events}):
 * {@value #MAX_BODY_BYTES} bytes, 1 MiB by default. A declared {@code Content-Length} above it is
 * answered 413 before anything is read; a body without one (chunked) is counted while it is read
 * and stops with {@link RequestBodyTooLargeException} one byte past the limit, which becomes 413 here
 * or in {@link UnexpectedErrorMapper}. The 413 closes the connection, so the rest is never read.
 */
@WebFilter(filterName = "RequestBodyLimit", urlPatterns = "/*", asyncSupported = true)
public class RequestBodyLimit implements Filter {

    public static final String MAX_BODY_BYTES = "herald.http.max-body-bytes";

    @Inject
    @ConfigProperty(name = MAX_BODY_BYTES, defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = http.getContentLengthLong();
        if (declared > maxBodyBytes) {
            refuse(out, maxBodyBytes);
            return;
        }
        if (declared == 0 || isWebSocketUpgrade(http)) {
            chain.doFilter(request, response); // no body; the WebSocket container takes the request as it came
            return;
        }
        try {
            chain.doFilter(new Limited(http, maxBodyBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (RequestBodyTooLargeException.in(e).isEmpty() || out.isCommitted()) {
                throw e;
            }
            out.reset();
            refuse(out, maxBodyBytes);
        }
    }

    /**
     * Whether the request asks for a WebSocket. Every other request without a declared length is
     * counted: chunked HTTP/1.1 has {@code Transfer-Encoding}, but a request on an HTTP/2 stream (the
     * JDK client's {@code h2c} upgrade) has neither header.
     */
    private static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("websocket");
    }

    /** 413 in the REST error shape, and the connection closes (the rest of the body stays unread). */
    static void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = JSON.createObjectBuilder().add("type", "error").add("message", RequestBodyTooLargeException.message(limit)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The request with its body counted. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream in;
        private BufferedReader reader;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                in = new LimitedInputStream(super.getInputStream(), limit);
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset;
                try {
                    charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                } catch (IllegalArgumentException unknown) {
                    throw new UnsupportedEncodingException("Unsupported charset");
                }
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }
}
