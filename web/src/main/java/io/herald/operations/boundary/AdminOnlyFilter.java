package io.herald.operations.boundary;

import io.herald.web.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Answers 401 (no administrator) or 403 (a token without the group, or a session's post without {@link AdminAccess#CSRF_HEADER}). */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        boolean changesState = !HttpMethod.GET.equals(context.getMethod()) && !HttpMethod.HEAD.equals(context.getMethod());
        String refusal = AdminAccess.refusal(request, changesState);
        if (refusal != null) {
            boolean signedIn = refusal.startsWith("Forbidden") || refusal.startsWith("Missing header");
            context.abortWith(ErrorResponses.of(signedIn ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED, refusal));
        }
    }
}
