package io.herald.commerce.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.common.control.WireJson;
import io.herald.commerce.control.CommerceKind;
import io.herald.commerce.control.CommerceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * {@code /commerce/api/{customers,products,orders,shipments,transactions}}: POST, GET (list and
 * by id), PATCH (partial update) and DELETE. JSON field names are the document's, in snake_case.
 */
@Path("commerce/api/{collection: customers|products|orders|shipments|transactions}")
@Produces(MediaType.APPLICATION_JSON)
@RequiresCommerceLogin
@ApplicationScoped
public class CommerceResource {

    @Inject
    CommerceStore store;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("collection") String collection, String body) {
        JsonObject created = WireJson.object(store.create(kind(collection), JsonInput.parse(body)));
        return Response.created(UriBuilder.fromPath("/commerce/api/{c}/{id}").build(collection, created.get("id")))
                .entity(created).build();
    }

    @GET
    public JsonArray list(@PathParam("collection") String collection) {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        store.list(kind(collection)).forEach(state -> all.add(WireJson.builder(state)));
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("collection") String collection, @PathParam("id") String id) {
        CommerceKind kind = kind(collection);
        return WireJson.object(store.find(kind, parseId(kind, id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("collection") String collection, @PathParam("id") String id, String body) {
        CommerceKind kind = kind(collection);
        long recordId = parseId(kind, id);
        return WireJson.object(store.update(kind, recordId, JsonInput.parse(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("collection") String collection, @PathParam("id") String id) {
        CommerceKind kind = kind(collection);
        store.delete(kind, parseId(kind, id));
        return Response.noContent().build();
    }

    private static CommerceKind kind(String collection) {
        return CommerceKind.ofCollection(collection).orElseThrow();
    }

    private static long parseId(CommerceKind kind, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new UnknownRecordException(kind.label() + " " + id + " not found");
        }
    }
}
