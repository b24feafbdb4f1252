package io.herald.orders.boundary;

import io.herald.orders.control.Authentication;
import io.herald.orders.control.Authenticator;
import io.herald.orders.control.OrderAccess;
import io.herald.orders.control.SignedRequest;
import io.herald.web.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Answers 401 {@code invalid api_key} to order requests whose {@code X-API-Key} is missing,
 * unknown or revoked, and 401 with the signature's refusal to {@link RequiresSignature} requests
 * without a valid, unused {@code X-Authorization-Signature} (while signatures are required);
 * otherwise remembers the key's organization for the resource.
 */
@Provider
@RequiresApiKey
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-API-Key";
    public static final String SIGNATURE_HEADER = "X-Authorization-Signature";
    static final String ORGANIZATION = "herald.orders.organization";
    /** A signed request's body is read here to hash it; the order API's bodies are a few bytes. */
    static final int MAX_SIGNED_BODY = 64 * 1024;
    static final String BODY_TOO_LARGE = "request body too large";

    @Inject
    OrderAccess access;

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext context) throws IOException {
        SignedRequest signed = null;
        if (requiresSignature(resource.getResourceMethod()) && access.restSignatureRequired()) {
            byte[] body = readBody(context);
            if (body == null) {
                context.abortWith(ErrorResponses.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, BODY_TOO_LARGE));
                return;
            }
            signed = SignedRequest.of(context.getMethod(), target(servletRequest), body);
        }
        Authentication result = access.authenticateRequest(context.getHeaderString(HEADER), context.getHeaderString(SIGNATURE_HEADER), signed);
        if (result instanceof Authentication.Refused refused) {
            // over REST a missing key is as invalid as a wrong one (as it always was)
            String message = Authenticator.MISSING_API_KEY.equals(refused.message()) ? Authenticator.INVALID_API_KEY : refused.message();
            context.abortWith(ErrorResponses.of(Response.Status.UNAUTHORIZED, message));
            return;
        }
        // in a servlet container the request's properties are its servlet request attributes
        context.setProperty(ORGANIZATION, ((Authentication.Authenticated) result).client().organizationId());
    }

    static boolean requiresSignature(Method method) {
        return method != null && method.isAnnotationPresent(RequiresSignature.class);
    }

    /** The request target as the client sent it: the path (undecoded) and, if any, {@code ?} and the query. */
    static String target(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    /** Reads the body for its hash and puts it back for the resource; {@code null} beyond {@value #MAX_SIGNED_BODY} bytes. */
    private static byte[] readBody(ContainerRequestContext context) throws IOException {
        if (!context.hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = context.getEntityStream()) {
            byte[] body = in.readNBytes(MAX_SIGNED_BODY + 1);
            if (body.length > MAX_SIGNED_BODY) {
                return null;
            }
            context.setEntityStream(new ByteArrayInputStream(body));
            return body;
        }
    }

    /** The organization of the request's API key (set by this filter). */
    static String organizationOf(HttpServletRequest request) {
        return (String) request.getAttribute(ORGANIZATION);
    }
}
