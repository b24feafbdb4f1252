package io.herald.commerce.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.commerce.control.BackOffice;
import io.herald.commerce.control.CommerceSignIn;
import io.herald.commerce.entity.BackOfficeUser;
import io.herald.common.control.JsonInput;
import io.herald.web.ErrorResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Login with e-mail and password into an HTTP session (cookie), logout, and who am I. */
@Path("commerce/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AuthResource {

    @Inject
    BackOffice backOffice;

    @Inject
    CommerceSignIn signIn;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body) {
        JsonInput input = JsonInput.parse(body);
        CommerceSignIn.Outcome outcome = signIn.signIn(input.text("email", 254), input.text("password", 200),
                request.getRemoteAddr(), System.currentTimeMillis());
        if (outcome instanceof CommerceSignIn.Outcome.TooManyAttempts tooMany) {
            return ErrorResponses.tooManyRequests("Too many failed logins; try again in " + tooMany.retryAfterSeconds() + " s",
                    tooMany.retryAfterSeconds());
        }
        if (!(outcome instanceof CommerceSignIn.Outcome.SignedIn signedIn)) {
            return ErrorResponses.of(Response.Status.UNAUTHORIZED, "Invalid email or password");
        }
        BackOfficeUser user = signedIn.user();
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        CommerceLogin.logIn(session, user.getId(), user.getEmail());
        return Response.ok(describe(user)).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RequiresCommerceLogin
    public JsonObject me() {
        long id = CommerceLogin.userId(request.getSession(false)).orElseThrow();
        return backOffice.find(id).map(AuthResource::describe)
                .orElseThrow(() -> new jakarta.ws.rs.NotAuthorizedException("Login required"));
    }

    private static JsonObject describe(BackOfficeUser user) {
        return JSON.createObjectBuilder()
                .add("id", user.getId())
                .add("email", user.getEmail())
                .add("name", user.getName() == null ? "" : user.getName())
                .build();
    }
}
