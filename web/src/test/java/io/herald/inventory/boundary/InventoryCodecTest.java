package io.herald.inventory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.delivery.control.EventEnvelope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryCodecTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void pingIsThePlainTextPing() {
        assertEquals(new InventoryCommand.Ping(), InventoryCodec.decode("PING"));
        assertEquals(new InventoryCommand.Ping(), InventoryCodec.decode(" ping\n"));
        assertEquals(new InventoryCommand.Ping(), InventoryCodec.decode("{\"action\":\"ping\"}"));
    }

    @Test
    void markReadTakesAStringOrNumericId() {
        assertEquals(new InventoryCommand.MarkRead("notif-1"), InventoryCodec.decode("{\"action\":\"mark_read\",\"id\":\"notif-1\"}"));
        assertEquals(new InventoryCommand.MarkRead("42"), InventoryCodec.decode("{\"action\":\"mark_read\",\"id\":42}"));
    }

    @Test
    void badFramesBecomeErrorsWithClearTexts() {
        assertEquals(new InventoryCommand.Invalid("Invalid JSON"), InventoryCodec.decode("{nope"));
        assertEquals(new InventoryCommand.Invalid("Invalid JSON"), InventoryCodec.decode(""));
        assertEquals(new InventoryCommand.Invalid("Message must be a JSON object"), InventoryCodec.decode("[\"mark_read\"]"));
        assertEquals(new InventoryCommand.Invalid("Missing action"), InventoryCodec.decode("{\"id\":\"1\"}"));
        assertEquals(new InventoryCommand.Invalid("Missing action"), InventoryCodec.decode("{\"action\":7}"));
        assertEquals(new InventoryCommand.Invalid("Unknown action: archive"), InventoryCodec.decode("{\"action\":\"archive\"}"));
        assertEquals(new InventoryCommand.Invalid("Missing notification id"), InventoryCodec.decode("{\"action\":\"mark_read\"}"));
        assertEquals(new InventoryCommand.Invalid("Missing notification id"), InventoryCodec.decode("{\"action\":\"mark_read\",\"id\":\" \"}"));
        assertEquals(new InventoryCommand.Invalid("Missing notification id"), InventoryCodec.decode("{\"action\":\"mark_read\",\"id\":null}"));
    }

    @Test
    void serverFramesAreTheDocumentedShapes() {
        assertEquals(json("{\"type\":\"CONNECTION_ESTABLISHED\",\"message\":\"Notification WebSocket connected\",\"userId\":\"user-1\"}"),
                json(InventoryCodec.connected("user-1")));
        assertEquals(json("{\"type\":\"pong\"}"), json(InventoryCodec.pong()));
        assertEquals(json("{\"type\":\"error\",\"message\":\"Nope\"}"), json(InventoryCodec.error("Nope")));
    }

    @Test
    void aNotificationEventIsSentAsItsDocumentedObject() {
        JsonObject notification = json("{\"id\":\"5\",\"message\":\"Product expires in 2 days\",\"type\":\"warning\","
                + "\"productName\":\"Organic Milk\",\"created_at\":\"2026-03-04T10:30:00.000Z\"}");
        EventEnvelope event = new EventEnvelope(9, "inventory", "notification:created", Set.of("inventory:user:alice"), notification, Instant.now());
        assertEquals(notification, json(InventoryCodec.notification(event)));
    }
}
