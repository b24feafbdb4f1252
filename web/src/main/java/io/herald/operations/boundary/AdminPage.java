package io.herald.operations.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /admin/}: the admin page's three files (HTML, CSS, JavaScript) from the class path
 * ({@code admin-page/}). They hold no data: everything comes from {@link AdminResource} and
 * {@link AdminSocket} after the sign-in. {@code /admin} redirects to {@code /admin/} so that the
 * page's relative links work under any context root.
 */
@Path("admin")
@ApplicationScoped
public class AdminPage {

    private static final Map<String, String> FILES = Map.of(
            "", "text/html; charset=utf-8",
            "admin.js", "text/javascript; charset=utf-8",
            "admin.css", "text/css; charset=utf-8");
    private static final String SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    @Context
    UriInfo uri;

    @GET
    public Response index() {
        if (!uri.getPath().endsWith("/")) {
            return Response.seeOther(uri.getRequestUriBuilder().path("/").build()).build();
        }
        return file("");
    }

    @GET
    @Path("{file: admin\\.(js|css)}")
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        byte[] body = CACHE.computeIfAbsent(file, AdminPage::read);
        return Response.ok(body, type)
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static byte[] read(String file) {
        String name = "/admin-page/" + (file.isEmpty() ? "index.html" : file);
        try (InputStream in = AdminPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
