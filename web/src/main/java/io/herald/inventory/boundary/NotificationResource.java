package io.herald.inventory.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.boundary.RolesAllowedFeature;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.inventory.control.Inbox;
import io.herald.inventory.control.NotificationView;
import io.herald.inventory.entity.Notification;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /inventory/api/notifications}: admins create notifications for any user; every caller
 * lists and reads their own.
 */
@Path("inventory/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RolesAllowedFeature.ANY)
@ApplicationScoped
public class NotificationResource {

    private static final Set<String> FIELDS = Set.of("user_id", "message", "type", "productName");
    private static final int MAX_LIST = 1000;

    @Inject
    Inbox inbox;

    @Context
    HttpServletRequest request;

    /** {@code {"user_id","message","type","productName"}}; {@code type} defaults to {@code info}. */
    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonInput input = JsonInput.parse(body).onlyFields(FIELDS);
        Notification.Type type = input.has("type")
                ? Notification.Type.valueOf(input.choice("type", Set.of("info", "warning", "error")).toUpperCase(Locale.ROOT))
                : Notification.Type.INFO;
        NotificationView created = inbox.notify(input.requiredText("user_id", 255), input.requiredText("message", 500), type,
                input.text("productName", 200));
        return Response.created(UriBuilder.fromPath("/inventory/api/notifications/{id}").build(created.id()))
                .entity(created.withOwnerAndState()).build();
    }

    /** The caller's notifications, oldest first; {@code ?unread=true} for the unread ones only. */
    @GET
    public JsonArray list(@QueryParam("unread") String unread) {
        if (unread != null && !unread.equals("true") && !unread.equals("false")) {
            throw new InvalidInputException("unread must be true or false");
        }
        JsonArrayBuilder all = JSON.createArrayBuilder();
        inbox.list(caller(), "true".equals(unread), MAX_LIST).forEach(n -> all.add(n.withOwnerAndState()));
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id) {
        return inbox.find(caller(), id).withOwnerAndState();
    }

    /** Marks one of the caller's notifications read (as {@code mark_read} on the socket does). */
    @POST
    @Path("{id}/read")
    public JsonObject markRead(@PathParam("id") String id) {
        if (inbox.markRead(caller(), id) == Inbox.Marked.NOT_FOUND) {
            throw new UnknownRecordException("Notification " + id + " not found");
        }
        return inbox.find(caller(), id).withOwnerAndState();
    }

    private String caller() {
        return BearerTokenMechanism.subjectOf(request);
    }
}
