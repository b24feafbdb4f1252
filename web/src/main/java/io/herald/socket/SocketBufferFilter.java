package io.herald.socket;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import java.io.IOException;

/**
 * Gives the WebSocket upgrade requests a small response buffer. After the upgrade the container
 * keeps writing through the response's output buffer, and Grizzly allocates a fresh buffer of
 * that size for every frame it is handed (8 KiB by default, most of it zeroed and thrown away
 * for a frame of a few hundred bytes). Larger frames are written as they come.
 */
@WebFilter(urlPatterns = {"/commerce/ws", "/inventory/api/ws/*", "/orders/ws"})
public class SocketBufferFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Bytes of the output buffer of an upgraded connection. */
    static final int BUFFER = 1024;

    @Override
    protected void doFilter(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.setBufferSize(BUFFER);
        }
        chain.doFilter(request, response);
    }
}
