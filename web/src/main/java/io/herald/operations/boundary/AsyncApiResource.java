package io.herald.operations.boundary;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.UnknownRecordException;
import io.herald.publish.control.EventIntake;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /asyncapi}: the AsyncAPI 3.0 document of each product's WebSocket API, one per product of
 * {@link EventIntake#PRODUCTS}, read once from the class path ({@value #FOLDER}) and kept. No
 * authentication: the documents describe public wire formats and hold no secrets.
 */
@ApplicationScoped
@Path("asyncapi")
public class AsyncApiResource {

    /** The media type of the documents (RFC 9512). */
    public static final String APPLICATION_YAML = "application/yaml";
    /** Where the documents are on the class path: {@code <product>.yaml}. */
    static final String FOLDER = "asyncapi/";

    private Map<String, String> documents;

    /** Reads every product's document; a missing one fails the deployment, naming it. */
    @PostConstruct
    void load() {
        Map<String, String> read = new LinkedHashMap<>();
        for (String product : new TreeSet<>(EventIntake.PRODUCTS)) {
            read.put(product, read(FOLDER + product + ".yaml"));
        }
        documents = Collections.unmodifiableMap(read);
    }

    /**
     * {@code {"documents":[{"product":"commerce","href":"/asyncapi/commerce.yaml"},…]}}, by product name.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject index() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        documents.keySet().forEach(product -> list.add(JSON.createObjectBuilder()
                .add("product", product)
                .add("href", "/asyncapi/" + product + ".yaml")));
        return JSON.createObjectBuilder().add("documents", list).build();
    }

    /**
     * One product's document as YAML.
     *
     * @throws UnknownRecordException for a product Herald does not have (404 {@code {"type":"error","message"}})
     */
    @GET
    @Path("{product}.yaml")
    @Produces(APPLICATION_YAML)
    public String document(@PathParam("product") String product) {
        String document = documents.get(product);
        if (document == null) {
            throw new UnknownRecordException("No AsyncAPI document for product " + product + "; see /asyncapi");
        }
        return document;
    }

    private static String read(String resource) {
        try (InputStream in = AsyncApiResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("AsyncAPI document missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the AsyncAPI document " + resource, e);
        }
    }
}
