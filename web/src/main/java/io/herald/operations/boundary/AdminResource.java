package io.herald.operations.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.operations.control.AdminCredentials;
import io.herald.operations.control.GatewayOperations;
import io.herald.operations.control.RecentEvents;
import io.herald.publish.boundary.EventResource;
import io.herald.publish.control.EventIntake;
import io.herald.publish.control.IngestRejections;
import io.herald.web.ErrorResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The admin page's API under {@code /admin/api}: sign-in, the cluster's figures, the connections,
 * and the administrator's actions (the same as the MBean's). Everything but the sign-in is for
 * administrators only ({@link AdminOnly}); each action writes one log line.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminResource {

    private static final Logger LOG = Logger.getLogger(AdminResource.class.getName());
    private static final int MAX_NAME = 200;
    /** Longer texts are refused before the rules look at them. */
    private static final int MAX_BODY_TEXT = 10_000;

    @Inject
    AdminCredentials credentials;

    @Inject
    GatewayOperations operations;

    @Inject
    RecentEvents recent;

    @Inject
    EventIntake intake;

    @Inject
    IngestRejections rejections;

    @Context
    HttpServletRequest request;

    /** {@code {"user","password"}}: signs this browser session in. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("user", "password"));
        String user = in.text("user", MAX_NAME);
        String password = in.text("password", MAX_NAME);
        AdminCredentials.SignIn signIn = credentials.signIn(user, password, request.getRemoteAddr(), System.currentTimeMillis());
        switch (signIn.outcome()) {
            case SIGNED_IN -> {
                HttpSession session = request.getSession(true);
                request.changeSessionId();
                session.setAttribute(AdminAccess.SESSION_ADMIN, credentials.user());
                LOG.info(() -> "Administrator " + credentials.user() + " signed in from " + request.getRemoteAddr());
                return Response.ok(me(credentials.user(), "session")).build();
            }
            case TOO_MANY_ATTEMPTS -> {
                return ErrorResponses.tooManyRequests("Too many failed sign-ins; try again in " + signIn.retryAfterSeconds() + " s",
                        signIn.retryAfterSeconds());
            }
            case CLOSED -> {
                return ErrorResponses.of(Response.Status.FORBIDDEN,
                        "Password sign-in is closed: set herald.admin.password-hash, or use a token with the group admin");
            }
            default -> {
                return ErrorResponses.of(Response.Status.UNAUTHORIZED, "Invalid user or password");
            }
        }
    }

    @POST
    @Path("logout")
    public Response logout() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(AdminAccess.SESSION_ADMIN);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @AdminOnly
    public JsonObject me() {
        return BearerTokenMechanism.tokenOf(request).map(t -> me(t.subject(), "token"))
                .orElseGet(() -> me(AdminAccess.ofSession(request.getSession(false)).orElse(""), "session"));
    }

    /** Every node's figures, this node's outbox, and the events this node handled after {@code after}. */
    @GET
    @Path("overview")
    @AdminOnly
    public JsonObject overview(@QueryParam("after") @DefaultValue("0") long after) {
        return AdminViews.overview(AdminViews.cluster(operations), recent, after);
    }

    /** One of the last events this node handled, with its data; 404 once it is no longer kept. */
    @GET
    @Path("events/{seq}")
    @AdminOnly
    public Response event(@PathParam("seq") long seq) {
        return recent.find(seq).map(e -> Response.ok(AdminViews.event(e, true)).build())
                .orElseGet(() -> ErrorResponses.of(Response.Status.NOT_FOUND, "Event " + seq + " is no longer kept on this node"));
    }

    /**
     * The admin page's test event: the body and the answers of {@code POST /api/events}
     * ({@link EventIntake}, the same checks), for an administrator signed in on the page.
     */
    @POST
    @Path("events")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Response publish(String body) {
        HeraldEvent event = EventIntake.read(body);
        intake.accept(event);
        LOG.info(() -> "Administrator " + who() + " published a " + event.product() + " " + event.type() + " event to " + event.routingKeys());
        return EventResource.accepted(event);
    }

    /** What this node's ingest listener moved to the dead-letter queue: the count and the latest (read-only). */
    @GET
    @Path("ingest/rejected")
    @AdminOnly
    public JsonObject rejectedIngest() {
        return AdminViews.rejections(operations.node(), rejections);
    }

    /** The connections on every node whose id, product or user contains {@code q}. */
    @GET
    @Path("sessions")
    @AdminOnly
    public JsonObject sessions(@QueryParam("q") String filter) {
        return AdminViews.sessions(operations, filter == null || filter.length() > MAX_NAME ? "" : filter);
    }

    @POST
    @Path("sessions/{id}/disconnect")
    @AdminOnly
    public Response disconnectSession(@PathParam("id") String id) {
        int closed = operations.disconnectSession(id);
        LOG.info(() -> "Administrator " + who() + " disconnected session " + id + " (" + closed + " on this node)");
        return Response.accepted(JSON.createObjectBuilder().add("session", id).add("closedOnThisNode", closed).build()).build();
    }

    @POST
    @Path("users/{user}/disconnect")
    @AdminOnly
    public Response disconnectUser(@PathParam("user") String user) {
        if (user.isBlank() || user.length() > MAX_NAME) {
            throw new InvalidInputException("user must be 1 to " + MAX_NAME + " characters");
        }
        int closed = operations.disconnectUser(user);
        LOG.info(() -> "Administrator " + who() + " disconnected user " + user + " (" + closed + " on this node)");
        return Response.accepted(JSON.createObjectBuilder().add("user", user).add("closedOnThisNode", closed).build()).build();
    }

    /**
     * {@code {"message","startTime"?,"endTime"?}}: document 004's {@code server_maintenance} to every
     * trading client; no start means now, no end an hour after the start.
     */
    @POST
    @Path("notice")
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Response notice(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("message", "startTime", "endTime"));
        JsonObject data = operations.announceMaintenance(in.text("message", MAX_BODY_TEXT), in.text("startTime", 64), in.text("endTime", 64));
        LOG.info(() -> "Administrator " + who() + " announced maintenance: " + data);
        return Response.accepted(data).build();
    }

    private String who() {
        return me().getString("user");
    }

    private static JsonObject me(String user, String via) {
        return JSON.createObjectBuilder().add("user", user).add("via", via).build();
    }
}
