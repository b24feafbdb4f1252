package io.herald.orders.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.JsonInput;
import io.herald.orders.control.OrderBook;
import io.herald.orders.control.OrderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
 * {@code /orders/api/orders} with {@code X-API-Key}: the key's organization creates, lists, reads
 * and moves its orders along the lifecycle. Other organizations' orders are "not found". Listing
 * and changing reach every order of the organization, so they also need a request signature
 * ({@link RequiresSignature}); creating an order and reading one by its id need the key only.
 */
@Path("orders/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@RequiresApiKey
@ApplicationScoped
public class OrderResource {

    @Inject
    OrderBook orders;

    @Context
    HttpServletRequest request;

    /** Body optional: {@code {"reference":…}}. */
    @POST
    public Response create(String body) {
        JsonInput input = body == null || body.isBlank() ? null : JsonInput.parse(body);
        OrderView created = orders.create(organization(), input);
        return Response.created(UriBuilder.fromPath("/orders/api/orders/{id}").build(created.id())).entity(created.rest()).build();
    }

    /** The organization's orders, newest first (at most 1000). */
    @GET
    @RequiresSignature
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        orders.list(organization()).forEach(o -> all.add(o.rest()));
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id) {
        return orders.find(organization(), id).rest();
    }

    /** {@code {"status":…}} */
    @PATCH
    @Path("{id}")
    @RequiresSignature
    public JsonObject changeStatus(@PathParam("id") String id, String body) {
        return orders.changeStatus(organization(), id, JsonInput.parse(body)).rest();
    }

    private String organization() {
        return ApiKeyFilter.organizationOf(request);
    }
}
