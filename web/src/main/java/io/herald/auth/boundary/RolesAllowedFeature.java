package io.herald.auth.boundary;

import io.herald.auth.control.VerifiedToken;
import io.herald.web.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on REST resources (method before class): without a valid
 * Bearer token 401 (with the reason a presented token was refused), without one of the roles 403,
 * both in the JSON error shape. {@code @RolesAllowed("**")} admits any authenticated caller.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    /** Any authenticated caller, whatever their groups. */
    public static final String ANY = "**";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(List.of()));
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            context.register(new Check(List.of(roles.value())));
        }
    }

    // Payara's MP-JWT module registers its own @RolesAllowed filter at AUTHORIZATION (answering a
    // bare 401 "Unauthorized" / 403 "Forbidden"); running just before it keeps Herald's reasons.
    @Priority(Priorities.AUTHORIZATION - 1)
    static final class Check implements ContainerRequestFilter {

        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext context) {
            // in a servlet container the request's properties are its servlet request attributes
            VerifiedToken token = (VerifiedToken) context.getProperty(BearerTokenMechanism.TOKEN);
            if (token == null) {
                Object refused = context.getProperty(BearerTokenMechanism.REFUSED);
                String reason = refused == null ? "Bearer token required" : refused.toString();
                context.abortWith(Response.fromResponse(ErrorResponses.of(Response.Status.UNAUTHORIZED, reason))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
                return;
            }
            if (roles.contains(ANY) || roles.stream().anyMatch(token::hasGroup)) {
                return;
            }
            context.abortWith(ErrorResponses.of(Response.Status.FORBIDDEN,
                    roles.isEmpty() ? "Forbidden" : "Forbidden: requires role " + String.join(" or ", roles)));
        }
    }
}
