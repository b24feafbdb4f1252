package io.herald.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.common.control.UnknownRecordException;
import io.herald.publish.control.EventIntake;
import io.herald.web.UnknownRecordMapper;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncApiResourceTest {

    private AsyncApiResource cut;

    @BeforeEach
    void load() {
        cut = new AsyncApiResource();
        cut.load();
    }

    @Test
    void theIndexListsEveryProductWithItsDocument() {
        JsonObject index = cut.index();
        List<String> products = index.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("product")).toList();
        assertEquals(List.of("commerce", "inventory", "orders", "pos", "trading"), products);
        assertEquals(List.copyOf(new TreeSet<>(EventIntake.PRODUCTS)), products);
        index.getJsonArray("documents").getValuesAs(JsonObject.class)
                .forEach(d -> assertEquals("/asyncapi/" + d.getString("product") + ".yaml", d.getString("href")));
    }

    @Test
    void aDocumentIsTheClassPathFileReadOnce() {
        for (String product : EventIntake.PRODUCTS) {
            String yaml = cut.document(product);
            assertTrue(yaml.startsWith("asyncapi: 3.0.0"), product);
            assertSame(yaml, cut.document(product), "cached");
        }
    }

    @Test
    void anUnknownProductIsNotFoundInTheProjectsErrorShape() throws Exception {
        UnknownRecordException e = assertThrows(UnknownRecordException.class, () -> cut.document("payments"));
        assertEquals("No AsyncAPI document for product payments; see /asyncapi", e.getMessage());
        assertThrows(UnknownRecordException.class, () -> cut.document("../asyncapi/commerce"));
        // UnknownRecordException is answered 404 {"type":"error","message":…} by this mapper
        assertEquals(UnknownRecordException.class,
                UnknownRecordMapper.class.getMethod("toResponse", UnknownRecordException.class).getParameterTypes()[0]);
    }

    @Test
    void pathsAndMediaTypes() throws Exception {
        assertEquals("asyncapi", AsyncApiResource.class.getAnnotation(Path.class).value());
        var document = AsyncApiResource.class.getMethod("document", String.class);
        assertEquals("{product}.yaml", document.getAnnotation(Path.class).value());
        assertEquals(List.of("application/yaml"), List.of(document.getAnnotation(Produces.class).value()));
        var index = AsyncApiResource.class.getMethod("index");
        assertTrue(index.isAnnotationPresent(GET.class));
        assertEquals(List.of("application/json"), List.of(index.getAnnotation(Produces.class).value()));
    }
}
