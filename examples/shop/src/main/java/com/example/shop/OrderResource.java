package com.example.shop;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;

/** {@code /shop/api/orders}: the shop's own REST API. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    ShopOrders orders;

    /** {@code {"customer_id":45,"total":99.99,"currency":"USD"}} → 201 with the order. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonObject body) {
        ShopOrder order = orders.create(body.getJsonNumber("customer_id").longValue(), body.getJsonNumber("total").bigDecimalValue(),
                body.getString("currency", "USD"));
        return Response.status(Response.Status.CREATED).entity(order).build();
    }

    @GET
    @Path("{id}")
    public ShopOrder get(@PathParam("id") long id) {
        return orders.find(id);
    }

    @POST
    @Path("{id}/pay")
    public ShopOrder pay(@PathParam("id") long id) {
        return orders.pay(id);
    }

    @POST
    @Path("{id}/ship")
    public ShopOrder ship(@PathParam("id") long id) {
        return orders.ship(id);
    }

    /** A refused request: 409 with the reason. */
    @Provider
    public static class Refused implements ExceptionMapper<OrderRuleException> {
        @Override
        public Response toResponse(OrderRuleException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder().add("error", e.getMessage()).build()).build();
        }
    }
}
