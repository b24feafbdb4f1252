package io.herald.commerce.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.common.control.WireJson;
import io.herald.commerce.control.CommerceKind;
import io.herald.commerce.control.CommerceStore;
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
public class CommerceResource {

    @Inject
    CommerceStore store;

    @PathParam("collection")
    String collection;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject created = WireJson.object(store.create(kind(), JsonInput.parse(body)));
        return Response.created(UriBuilder.fromPath("/commerce/api/{c}/{id}").build(collection, created.get("id")))
                .entity(created).build();
    }

    @GET
    public JsonArray list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        store.list(kind()).forEach(state -> all.add(WireJson.builder(state)));
        return all.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id) {
        return WireJson.object(store.find(kind(), parseId(id)));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject update(@PathParam("id") String id, String body) {
        long recordId = parseId(id);
        return WireJson.object(store.update(kind(), recordId, JsonInput.parse(body)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        store.delete(kind(), parseId(id));
        return Response.noContent().build();
    }

    private CommerceKind kind() {
        return CommerceKind.ofCollection(collection).orElseThrow();
    }

    private long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new UnknownRecordException(kind().label() + " " + id + " not found");
        }
    }
}
