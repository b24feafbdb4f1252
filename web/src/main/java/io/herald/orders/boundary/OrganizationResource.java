package io.herald.orders.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.JsonInput;
import io.herald.orders.control.IssuedKey;
import io.herald.orders.control.OrganizationView;
import io.herald.orders.control.Organizations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * {@code /orders/api/organizations} for admins (Bearer JWT with group {@code admin}): create and
 * list organizations, issue and list their API keys. A new key's secret is in the 201 answer only.
 */
@Path("orders/api/organizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@ApplicationScoped
public class OrganizationResource {

    @Inject
    Organizations organizations;

    /** {@code {"id","name"}}; the id is a slug such as {@code acme}. */
    @POST
    public Response create(String body) {
        OrganizationView created = organizations.create(JsonInput.parse(body));
        return Response.created(UriBuilder.fromPath("/orders/api/organizations/{id}").build(created.id())).entity(created.wire()).build();
    }

    @GET
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        organizations.list().forEach(o -> all.add(o.wire()));
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id) {
        return organizations.find(id).wire();
    }

    /** Issues a key: 201 {@code {"api_key","secret","organization_id","created_at"}}. */
    @POST
    @Path("{id}/keys")
    public Response issueKey(@PathParam("id") String id) {
        IssuedKey key = organizations.issueKey(id);
        return Response.created(UriBuilder.fromPath("/orders/api/keys/{key}").build(key.apiKey())).entity(key.wire()).build();
    }

    /** The organization's keys, revoked ones included, without secrets. */
    @GET
    @Path("{id}/keys")
    public JsonArray keys(@PathParam("id") String id) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        organizations.keys(id).forEach(k -> all.add(k.wire()));
        return all.build();
    }
}
