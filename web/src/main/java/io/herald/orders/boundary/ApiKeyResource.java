package io.herald.orders.boundary;

import io.herald.orders.control.Organizations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /orders/api/keys/{api_key}} for admins: read a key (without its secret) and revoke it.
 * Revoking is idempotent and closes every socket authenticated with the key, on every node.
 */
@Path("orders/api/keys/{apiKey}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@ApplicationScoped
public class ApiKeyResource {

    @Inject
    Organizations organizations;

    @GET
    public JsonObject find(@PathParam("apiKey") String apiKey) {
        return organizations.key(apiKey).wire();
    }

    @DELETE
    public Response revoke(@PathParam("apiKey") String apiKey) {
        organizations.revoke(apiKey);
        return Response.noContent().build();
    }
}
