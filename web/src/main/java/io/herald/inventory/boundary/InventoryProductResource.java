package io.herald.inventory.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.auth.boundary.BearerTokenMechanism;
import io.herald.auth.boundary.RolesAllowedFeature;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.inventory.control.ExpiryScan;
import io.herald.inventory.control.ProductShelf;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * {@code /inventory/api/products}: the caller's products with expiry dates ({@code name},
 * {@code expiry_date} as {@code YYYY-MM-DD}); the owner is the token's {@code sub}. Creating a
 * product or changing its date checks it for a due expiry notice right away.
 */
@Path("inventory/api/products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(RolesAllowedFeature.ANY)
@ApplicationScoped
public class InventoryProductResource {

    @Inject
    ProductShelf shelf;

    @Inject
    ExpiryScan expiryScan;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject created = shelf.create(caller(), JsonInput.parse(body));
        long id = created.getJsonNumber("id").longValue();
        expiryScan.checkSoon(id);
        return Response.created(UriBuilder.fromPath("/inventory/api/products/{id}").build(id)).entity(created).build();
    }

    @GET
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        shelf.list(caller()).forEach(all::add);
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id) {
        return shelf.find(caller(), parseId(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("id") String id, String body) {
        long productId = parseId(id);
        JsonInput input = JsonInput.parse(body);
        JsonObject updated = shelf.update(caller(), productId, input);
        if (input.has("expiry_date")) {
            expiryScan.checkSoon(productId);
        }
        return updated;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        shelf.delete(caller(), parseId(id));
        return Response.noContent().build();
    }

    /** Runs the expiry scan now on this node. */
    @POST
    @Path("expiry-scan")
    @RolesAllowed("admin")
    public JsonObject scan() {
        ExpiryScan.Result result = expiryScan.scan();
        return JSON.createObjectBuilder()
                .add("products_checked", result.productsChecked())
                .add("notifications_created", result.notificationsCreated())
                .build();
    }

    private String caller() {
        return BearerTokenMechanism.subjectOf(request);
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new UnknownRecordException("Product " + id + " not found");
        }
    }
}
