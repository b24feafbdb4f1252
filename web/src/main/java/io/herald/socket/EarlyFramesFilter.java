package io.herald.socket;

import io.herald.web.ForwardingServletInputStream;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;

/**
 * Keeps a WebSocket client that sends frames right after the handshake from freezing an HTTP
 * worker thread for good (Payara Micro and Payara Server).
 *
 * <p>Tyrus' servlet upgrade handler (2.1.5, {@code TyrusHttpUpgradeHandler.init}) registers its
 * read listener first and creates its connection after, and its {@code onDataAvailable} waits on a
 * latch that only the end of {@code init} opens. When the client's first frames are already there
 * (sent with the upgrade request, or arriving before {@code init} runs, as a client that writes as
 * soon as it sees the 101 often does), the container calls {@code onDataAvailable} from within
 * {@code setReadListener}, on the same thread: it waits for itself, for ever, also after the client
 * went away. The client sees nothing more and ends with 1006; a handful of such clients take every
 * HTTP worker thread.
 *
 * <p>So the Tyrus handler is given a connection whose input stream keeps the read listener until
 * {@code init} has returned, and only then registers it with the container: the frames that were
 * waiting are read at once, in order, by the ready connection. Other containers (WildFly's
 * Undertow) do not upgrade through Tyrus' servlet handler and are left alone.
 */
@WebFilter(filterName = "EarlyFrames", urlPatterns = "/*", asyncSupported = true)
public class EarlyFramesFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The handler class whose {@code init} is deferred. */
    static final String TYRUS_HANDLER = "org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter("websocket".equalsIgnoreCase(request.getHeader("Upgrade")) ? new Upgrading(request) : request, response);
    }

    /** The upgrade request: an upgrade to Tyrus' handler goes through {@link DeferredInit}. */
    static final class Upgrading extends HttpServletRequestWrapper {

        Upgrading(HttpServletRequest request) {
            super(request);
        }

        @Override
        public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
            if (!TYRUS_HANDLER.equals(handlerClass.getName())) {
                return super.upgrade(handlerClass);
            }
            T tyrus;
            try {
                tyrus = handlerClass.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return super.upgrade(handlerClass); // not as expected: the container's own way
            }
            super.upgrade(DeferredInit.class).delegate = tyrus;
            return tyrus;
        }
    }

    /** What the container upgrades to: runs the Tyrus handler, registering its read listener once it is ready. */
    public static final class DeferredInit implements HttpUpgradeHandler {

        volatile HttpUpgradeHandler delegate;

        @Override
        public void init(WebConnection connection) {
            ServletInputStream input;
            try {
                input = connection.getInputStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            DeferredListener in = new DeferredListener(input);
            delegate.init(new WebConnection() {
                @Override
                public ServletInputStream getInputStream() {
                    return in;
                }

                @Override
                public ServletOutputStream getOutputStream() throws IOException {
                    return connection.getOutputStream();
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            });
            in.release();
        }

        @Override
        public void destroy() {
            HttpUpgradeHandler d = delegate;
            if (d != null) {
                d.destroy();
            }
        }
    }

    /** The container's input stream, whose read listener is registered only when {@link #release} is called. */
    static final class DeferredListener extends ForwardingServletInputStream {

        private ReadListener listener;
        private boolean released;

        DeferredListener(ServletInputStream input) {
            super(input);
        }

        @Override
        public synchronized void setReadListener(ReadListener readListener) {
            if (released) {
                in.setReadListener(readListener);
            } else {
                listener = readListener;
            }
        }

        /** Registers the listener kept so far (the container may call it at once, on this thread). */
        void release() {
            ReadListener kept;
            synchronized (this) {
                released = true;
                kept = listener;
                listener = null;
            }
            if (kept != null) {
                in.setReadListener(kept);
            }
        }
    }
}
