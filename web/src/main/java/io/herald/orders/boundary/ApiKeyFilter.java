package io.herald.orders.boundary;

import io.herald.orders.control.Authenticator;
import io.herald.orders.control.OrderAccess;
import io.herald.web.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Answers 401 {@code invalid api_key} to order requests whose {@code X-API-Key} is missing,
 * unknown or revoked; otherwise remembers the key's organization for the resource.
 */
@Provider
@RequiresApiKey
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-API-Key";
    static final String ORGANIZATION = "herald.orders.organization";

    @Inject
    OrderAccess access;

    @Override
    public void filter(ContainerRequestContext context) {
        Optional<String> organization = access.organizationOfKey(context.getHeaderString(HEADER));
        if (organization.isEmpty()) {
            context.abortWith(ErrorResponses.of(Response.Status.UNAUTHORIZED, Authenticator.INVALID_API_KEY));
            return;
        }
        // in a servlet container the request's properties are its servlet request attributes
        context.setProperty(ORGANIZATION, organization.get());
    }

    /** The organization of the request's API key (set by this filter). */
    static String organizationOf(HttpServletRequest request) {
        return (String) request.getAttribute(ORGANIZATION);
    }
}
