package io.herald.commerce.boundary;

import io.herald.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Answers 401 to commerce requests without a logged-in HTTP session. */
@Provider
@RequiresCommerceLogin
public class CommerceLoginFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (CommerceLogin.userId(request.getSession(false)).isEmpty()) {
            context.abortWith(ErrorResponses.of(Response.Status.UNAUTHORIZED, "Login required"));
        }
    }
}
