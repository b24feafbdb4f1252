package io.herald.trading.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.boundary.RolesAllowedFeature;
import io.herald.common.control.JsonInput;
import io.herald.trading.control.TradingNotifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * {@code /trading/api/notifications}: admins (or other services with the group {@code admin})
 * create in-app notifications for a user; every caller lists theirs and marks them read.
 */
@Path("trading/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RolesAllowedFeature.ANY)
@ApplicationScoped
public class TradingNotificationResource {

    @Inject
    TradingNotifications notifications;

    @Context
    HttpServletRequest request;

    /** {@code {"userId","title","message","type"?,"category"?,"data"?}}: 201; type defaults to info, category to system. */
    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonInput in = JsonInput.parse(body).onlyFields(Set.of("userId", "title", "message", "type", "category", "data"));
        JsonObject created = notifications.create(in.requiredText("userId", 255), in.requiredText("title", 200), in.requiredText("message", 1000),
                in.has("type") ? in.choice("type", TradingNotifications.TYPES) : "info",
                in.has("category") ? in.requiredText("category", 40) : "system",
                in.has("data") ? in.object("data") : JsonObject.EMPTY_JSON_OBJECT);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** The caller's notifications, newest first (at most 200). */
    @GET
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        notifications.list(BearerTokenMechanism.subjectOf(request), 200).forEach(all::add);
        return all.build();
    }

    @POST
    @Path("{id}/read")
    public JsonObject markRead(@PathParam("id") String id) {
        return notifications.markRead(BearerTokenMechanism.subjectOf(request), id);
    }
}
