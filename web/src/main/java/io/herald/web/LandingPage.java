package io.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code /}: a page that says what runs here: the five sockets with their URLs as this request
 * reached the server, the admin page, the AsyncAPI documents, health and metrics. No script, no
 * data beyond the URLs; the request's own host is escaped before it goes into the page.
 */
@Path("")
@ApplicationScoped
public class LandingPage {

    static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    private static final String TEMPLATE = read();

    @Context
    UriInfo uri;

    @GET
    @Produces("text/html; charset=utf-8")
    public Response index() {
        return Response.ok(render(uri.getBaseUri()))
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** The page for an application at {@code base} (its http(s) URL, ending in {@code /}). */
    static String render(URI base) {
        String http = base.toString();
        String ws = (http.startsWith("https:") ? "wss:" : "ws:") + http.substring(http.indexOf(':') + 1);
        return TEMPLATE.replace("{{http}}", escape(http)).replace("{{ws}}", escape(ws));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String read() {
        try (InputStream in = LandingPage.class.getResourceAsStream("/landing-page/index.html")) {
            if (in == null) {
                throw new IllegalStateException("/landing-page/index.html is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
