package io.herald.commerce.boundary;

import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.common.control.WireJson;
import io.herald.commerce.control.CommerceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * {@code POST /commerce/api/orders/{id}/ship} with {@code {"carrier","tracking_number"}}: marks the
 * order shipped and creates its shipment in one transaction (a Herald extension to document 000).
 */
@Path("commerce/api/orders/{id}/ship")
@Produces(MediaType.APPLICATION_JSON)
@RequiresCommerceLogin
@ApplicationScoped
public class OrderShippingResource {

    @Inject
    CommerceStore store;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response ship(@PathParam("id") String id, String body) {
        long orderId;
        try {
            orderId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new UnknownRecordException("Order " + id + " not found");
        }
        JsonObject shipment = WireJson.object(store.ship(orderId, JsonInput.parse(body)));
        return Response.created(UriBuilder.fromPath("/commerce/api/shipments/{id}").build(shipment.get("id")))
                .entity(shipment).build();
    }
}
