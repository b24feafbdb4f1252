package io.herald.pos.boundary;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.control.VerifiedToken;
import io.herald.common.control.AccessDeniedException;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.pos.control.PosBackOffice;
import io.herald.pos.control.PosFilter;
import io.herald.pos.control.PosMembers;
import io.herald.pos.control.PosTimers;
import io.herald.pos.entity.DeliveryJob;
import io.herald.pos.entity.DiningTable;
import io.herald.pos.entity.KdsTicket;
import io.herald.pos.entity.PosOrder;
import io.herald.pos.entity.PosRecord;
import io.herald.pos.entity.StockItem;
import io.herald.pos.entity.VoiceSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * {@code /pos/v1/api}: the point-of-sale back end whose changes produce document 003's events.
 * Bearer JWT with the group {@code pos.write} (or {@code admin}); a location outside the token's
 * {@code locations} claim is 403. Records are created with 201 and answered as JSON; refusals are
 * {@code {"type":"error","message"}} with 400 (bad input), 403, 404 (unknown record) or 409 (a
 * change the record's state does not allow).
 */
@Path("pos/v1/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", PosApiResource.WRITER})
@ApplicationScoped
public class PosApiResource {

    public static final String WRITER = "pos.write";
    private static final int MAX_NAME = 200;
    private static final long MAX_DUE_SECONDS = 86_400;

    @Inject
    PosBackOffice backOffice;

    @Inject
    PosTimers timers;

    @Inject
    PosMembers members;

    @Context
    HttpServletRequest request;

    private VerifiedToken caller() {
        return BearerTokenMechanism.tokenOf(request).orElseThrow();
    }

    private String location(JsonInput input) {
        String location = input.requiredText("location_id", PosFilter.MAX_TEXT);
        if (!PosFilter.mayUse(caller(), location)) {
            throw new AccessDeniedException("Not authorized for location '" + location + "'");
        }
        return location;
    }

    private String queryLocation(String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidInputException("location_id is required");
        }
        if (!PosFilter.mayUse(caller(), location)) {
            throw new AccessDeniedException("Not authorized for location '" + location + "'");
        }
        return location;
    }

    private static JsonArray array(java.util.List<JsonObject> values) {
        JsonArrayBuilder all = io.herald.common.control.Jsons.JSON.createArrayBuilder();
        values.forEach(all::add);
        return all.build();
    }

    private String checked(Class<? extends PosRecord> type, String id) {
        if (!PosFilter.mayUse(caller(), backOffice.locationOf(type, id))) {
            throw new AccessDeniedException("Not authorized for the location of " + id);
        }
        return id;
    }

    private static JsonInput body(String text, String... fields) {
        return JsonInput.parse(text == null || text.isBlank() ? "{}" : text).onlyFields(Set.of(fields));
    }

    private static long cents(JsonInput input, String field) {
        BigDecimal amount = input.amount(field);
        return amount.movePointRight(2).longValueExact();
    }

    private static Response created(JsonObject view) {
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    // --- orders

    /** {@code {"location_id","order_type","total"}}: {@code order.created}. */
    @POST
    @Path("orders")
    public Response createOrder(String text) {
        JsonInput in = body(text, "location_id", "order_type", "total");
        return created(backOffice.createOrder(location(in), in.choice("order_type", PosOrder.TYPES), in.has("total") ? cents(in, "total") : 0));
    }

    @GET
    @Path("orders/{id}")
    public JsonObject order(@PathParam("id") String id) {
        return backOffice.order(checked(PosOrder.class, id));
    }

    /** {@code {"total"}}: {@code order.updated}. */
    @PATCH
    @Path("orders/{id}")
    public JsonObject changeOrder(@PathParam("id") String id, String text) {
        return backOffice.changeOrderTotal(checked(PosOrder.class, id), cents(body(text, "total"), "total"));
    }

    /** {@code {"status"}}: {@code order.status_changed}. */
    @POST
    @Path("orders/{id}/status")
    public JsonObject changeStatus(@PathParam("id") String id, String text) {
        String status = body(text, "status").choice("status", Set.of("preparing", "ready", "served", "cancelled"));
        return backOffice.changeOrderStatus(checked(PosOrder.class, id), status);
    }

    /** {@code order.paid} and the location's {@code analytics.metric_update}s. */
    @POST
    @Path("orders/{id}/pay")
    public JsonObject pay(@PathParam("id") String id) {
        return backOffice.payOrder(checked(PosOrder.class, id));
    }

    /** {@code order.closed}. */
    @POST
    @Path("orders/{id}/close")
    public JsonObject close(@PathParam("id") String id) {
        return backOffice.closeOrder(checked(PosOrder.class, id));
    }

    // --- kitchen

    /** {@code {"location_id","station","order_id"?,"due_in_seconds"?}} (due in 600 s by default): {@code kds.ticket.created}. */
    @POST
    @Path("kds/tickets")
    public Response createTicket(String text) {
        JsonInput in = body(text, "location_id", "station", "order_id", "due_in_seconds");
        long due = in.has("due_in_seconds") ? in.count("due_in_seconds") : 600;
        if (due > MAX_DUE_SECONDS) {
            throw new InvalidInputException("due_in_seconds must be at most " + MAX_DUE_SECONDS);
        }
        return created(backOffice.createTicket(location(in), in.requiredText("station", PosFilter.MAX_TEXT), in.text("order_id", 40), due));
    }

    @POST
    @Path("kds/tickets/{id}/bump")
    public JsonObject bump(@PathParam("id") String id) {
        return backOffice.bumpTicket(checked(KdsTicket.class, id));
    }

    @POST
    @Path("kds/tickets/{id}/recall")
    public JsonObject recall(@PathParam("id") String id) {
        return backOffice.recallTicket(checked(KdsTicket.class, id));
    }

    // --- stock

    /** {@code ?location_id=}: the location's stock items by name. */
    @GET
    @Path("inventory/items")
    public JsonArray items(@QueryParam("location_id") String location) {
        return array(backOffice.items(queryLocation(location)));
    }

    /** {@code {"location_id","name","quantity","low_threshold"}}. */
    @POST
    @Path("inventory/items")
    public Response createItem(String text) {
        JsonInput in = body(text, "location_id", "name", "quantity", "low_threshold");
        return created(backOffice.createItem(location(in), in.requiredText("name", MAX_NAME), in.count("quantity"), in.count("low_threshold")));
    }

    /** {@code {"quantity"}}: {@code inventory.low_stock} / {@code inventory.out_of_stock} when a threshold is crossed. */
    @POST
    @Path("inventory/items/{id}/consume")
    public JsonObject consume(@PathParam("id") String id, String text) {
        return backOffice.consume(checked(StockItem.class, id), body(text, "quantity").count("quantity"));
    }

    /** {@code {"quantity"}}: {@code inventory.received}. */
    @POST
    @Path("inventory/items/{id}/receive")
    public JsonObject receive(@PathParam("id") String id, String text) {
        return backOffice.receive(checked(StockItem.class, id), body(text, "quantity").count("quantity"));
    }

    // --- tables

    /** {@code ?location_id=}: the location's tables by number. */
    @GET
    @Path("tables")
    public JsonArray tables(@QueryParam("location_id") String location) {
        return array(backOffice.tables(queryLocation(location)));
    }

    /** {@code {"location_id","number"}}. */
    @POST
    @Path("tables")
    public Response createTable(String text) {
        JsonInput in = body(text, "location_id", "number");
        return created(backOffice.createTable(location(in), in.requiredText("number", 20)));
    }

    /** {@code {"party_size"}}: {@code table.seated}. */
    @POST
    @Path("tables/{id}/seat")
    public JsonObject seat(@PathParam("id") String id, String text) {
        return backOffice.seat(checked(DiningTable.class, id), body(text, "party_size").count("party_size"));
    }

    /** {@code table.cleared}. */
    @POST
    @Path("tables/{id}/clear")
    public JsonObject clear(@PathParam("id") String id) {
        return backOffice.clearTable(checked(DiningTable.class, id));
    }

    /** {@code {"name"}}: {@code table.reserved}. */
    @POST
    @Path("tables/{id}/reserve")
    public JsonObject reserve(@PathParam("id") String id, String text) {
        return backOffice.reserve(checked(DiningTable.class, id), body(text, "name").requiredText("name", MAX_NAME));
    }

    // --- delivery platforms

    /** {@code {"location_id","platform","external_id"?}}: {@code delivery.order_received}. */
    @POST
    @Path("delivery/orders")
    public Response receiveDelivery(String text) {
        JsonInput in = body(text, "location_id", "platform", "external_id");
        return created(backOffice.receiveDelivery(location(in), in.choice("platform", DeliveryJob.PLATFORMS), in.text("external_id", 100)));
    }

    /** {@code {"driver"}}: {@code delivery.driver_assigned}. */
    @POST
    @Path("delivery/orders/{id}/assign")
    public JsonObject assign(@PathParam("id") String id, String text) {
        return backOffice.assignDriver(checked(DeliveryJob.class, id), body(text, "driver").requiredText("driver", MAX_NAME));
    }

    /** {@code delivery.picked_up}. */
    @POST
    @Path("delivery/orders/{id}/pickup")
    public JsonObject pickUp(@PathParam("id") String id) {
        return backOffice.pickUp(checked(DeliveryJob.class, id));
    }

    // --- notifications

    /**
     * {@code {"user_id","kind":"alert"|"message","message","location_id"?}}: {@code notification.alert} / {@code notification.message}.
     * A sender limited to some locations may notify only users of them ({@link PosMembers}); else 403.
     */
    @POST
    @Path("notifications")
    public Response notify(String text) {
        JsonInput in = body(text, "user_id", "kind", "message", "location_id");
        String location = in.has("location_id") ? location(in) : null;
        String user = in.requiredText("user_id", PosMembers.MAX_USER_ID);
        String kind = in.choice("kind", Set.of("alert", "message"));
        String message = in.requiredText("message", 1000);
        if (!members.mayNotify(caller(), user, location)) {
            throw new AccessDeniedException(location == null ? "Not authorized to notify user '" + user + "' (not a user of your locations)"
                    : "Not authorized to notify user '" + user + "' (not a user of location '" + location + "')");
        }
        return created(backOffice.notify(user, kind, message, location));
    }

    // --- voice

    /** {@code {"location_id","lane"}}: {@code voice.session_started}. */
    @POST
    @Path("voice/sessions")
    public Response startVoice(String text) {
        JsonInput in = body(text, "location_id", "lane");
        int lane = in.count("lane");
        if (lane < 1) {
            throw new InvalidInputException("lane must be a positive integer");
        }
        return created(backOffice.startVoice(location(in), lane));
    }

    /** {@code {"total"}}: a drive-thru order ({@code order.created}) and {@code voice.order_completed}. */
    @POST
    @Path("voice/sessions/{id}/complete")
    public JsonObject completeVoice(@PathParam("id") String id, String text) {
        return backOffice.completeVoice(checked(VoiceSession.class, id), cents(body(text, "total"), "total"));
    }

    // --- analytics

    /**
     * {@code {"hour":"2026-01-18T14:00:00Z"}}, admins only: publishes that hour's summaries now if
     * no node has (the timer does it at minute 0 of every hour for the past hour).
     */
    @POST
    @Path("analytics/hourly-summaries")
    @RolesAllowed("admin")
    public JsonObject summarize(String text) {
        Instant hour;
        try {
            hour = Instant.parse(body(text, "hour").requiredText("hour", 40));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("hour must be an ISO-8601 instant such as 2026-01-18T14:00:00Z");
        }
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new InvalidInputException("hour must be the start of an hour");
        }
        return io.herald.common.control.Jsons.JSON.createObjectBuilder().add("published", timers.summarize(hour)).build();
    }
}
