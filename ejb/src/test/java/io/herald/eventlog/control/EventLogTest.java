package io.herald.eventlog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.api.HeraldEvent;
import io.herald.delivery.control.EventEnvelope;
import io.herald.eventlog.entity.EventLogEntry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox append against a real (in-memory) database, with the schema of {@link EventLogEntry}. */
class EventLogTest {

    private final EventLog cut = new EventLog();
    private Connection keepAlive;

    /** One stored row, as the database has it. */
    record Row(long id, String product, String type, String routingKeys, String payload, long createdAt, boolean published) {
    }

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:eventlog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        cut.dataSource = h2;
        cut.identity = LogIdentity.known("test");
        keepAlive = h2.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE SEQUENCE " + EventLogEntry.SEQUENCE + " START WITH 1000 INCREMENT BY 1");
            s.execute("CREATE TABLE " + EventLogEntry.TABLE + " ("
                    + "id BIGINT NOT NULL PRIMARY KEY, "
                    + "product VARCHAR(40) NOT NULL, "
                    + "event_type VARCHAR(80) NOT NULL, "
                    + "routing_keys CLOB NOT NULL, "
                    + "payload CLOB NOT NULL, "
                    + "created_at BIGINT NOT NULL, "
                    + "published BOOLEAN NOT NULL)");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("SHUTDOWN");
        }
        keepAlive.close();
    }

    private List<Row> rows() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = keepAlive.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, product, event_type, routing_keys, payload, created_at, published FROM "
                     + EventLogEntry.TABLE + " ORDER BY id")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getBoolean(7)));
            }
        }
        return rows;
    }

    private static Set<String> keys(String stored) {
        return Set.of(stored.split(" "));
    }

    private static JsonObject data(int n) {
        return Json.createObjectBuilder().add("id", n).add("status", "processing").add("total", new BigDecimal("99.90")).build();
    }

    private static EventLogEntry entry(Row row) {
        return new EventLogEntry() {
            @Override
            public long getId() {
                return row.id();
            }

            @Override
            public String getProduct() {
                return row.product();
            }

            @Override
            public String getType() {
                return row.type();
            }

            @Override
            public String getRoutingKeys() {
                return row.routingKeys();
            }

            @Override
            public String getPayload() {
                return row.payload();
            }

            @Override
            public long getCreatedAt() {
                return row.createdAt();
            }

            @Override
            public boolean isPublished() {
                return row.published();
            }
        };
    }

    @Test
    void idsComeFromTheSequenceAndIncreaseInAppendOrder() throws SQLException {
        List<EventEnvelope> appended = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            appended.add(cut.append(HeraldEvent.of("commerce", "order:updated-" + n, data(n), Set.of("commerce:order_changes"))));
        }

        List<Long> ids = appended.stream().map(EventEnvelope::id).toList();
        assertEquals(1000L, ids.get(0));
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids must increase in append order: " + ids);
        }
        List<Row> rows = rows();
        assertEquals(ids, rows.stream().map(Row::id).toList());
        assertEquals(List.of("order:updated-1", "order:updated-2", "order:updated-3", "order:updated-4", "order:updated-5"),
                rows.stream().map(Row::type).toList());
    }

    @Test
    void theRowCarriesTheEventUnpublished() throws SQLException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonObject data = Json.createObjectBuilder().add("id", 45).add("order_number", "ORD-1").addNull("carrier")
                .add("total", new BigDecimal("99.90")).build();

        EventEnvelope appended = cut.append(HeraldEvent.of("commerce", "order:created", data,
                Set.of("commerce:order_changes", "commerce:customer_changes")));

        Instant after = Instant.now();
        Row row = rows().get(0);
        assertEquals(appended.id(), row.id());
        assertEquals("commerce", row.product());
        assertEquals("order:created", row.type());
        assertEquals(Set.of("commerce:order_changes", "commerce:customer_changes"), keys(row.routingKeys()));
        assertEquals(2, row.routingKeys().split(" ").length);
        assertEquals("{\"id\":45,\"order_number\":\"ORD-1\",\"carrier\":null,\"total\":99.90}", row.payload());
        assertFalse(row.published());
        assertEquals(appended.timestamp().toEpochMilli(), row.createdAt());
        assertFalse(appended.timestamp().isBefore(before));
        assertFalse(appended.timestamp().isAfter(after));
        assertEquals(appended.timestamp(), appended.timestamp().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theReturnedEnvelopeIsTheEventWithItsNewId() {
        HeraldEvent event = HeraldEvent.of("commerce", "product:updated", data(3), Set.of("commerce:product_changes"));

        EventEnvelope appended = cut.append(event);

        assertEquals(1000L, appended.id());
        assertTrue(appended.durable());
        assertEquals("commerce", appended.product());
        assertEquals("product:updated", appended.type());
        assertEquals(Set.of("commerce:product_changes"), appended.routingKeys());
        assertEquals(data(3), appended.data());
    }

    @Test
    void appendNowWritesTheSameWay() throws SQLException {
        cut.append(HeraldEvent.of("commerce", "order:created", data(1), Set.of("commerce:order_changes")));
        EventEnvelope second = cut.appendNow(HeraldEvent.of("commerce", "order:updated", data(1), Set.of("commerce:order_changes")));

        assertEquals(1001L, second.id());
        assertEquals(List.of("order:created", "order:updated"), rows().stream().map(Row::type).toList());
    }

    @Test
    void aStoredRowReadsBackAsTheAppendedEnvelope() throws SQLException {
        EventEnvelope a = cut.append(HeraldEvent.of("commerce", "order:created", data(1),
                Set.of("commerce:order_changes", "commerce:shipment_changes", "commerce:customer_changes")));
        EventEnvelope b = cut.append(HeraldEvent.of("commerce", "order:deleted", Json.createObjectBuilder().build(),
                Set.of("commerce:order_changes")));

        List<EventEnvelope> read = rows().stream().map(EventLogTest::entry).map(cut::toEnvelope).toList();

        assertEquals(List.of(a, b), read);
    }

    @Test
    void toEnvelopeSplitsTheKeysAndParsesThePayload() {
        Row row = new Row(17, "commerce", "shipment:updated", "commerce:shipment_changes commerce:order_changes",
                "{\"id\":3,\"changed_fields\":{\"status\":\"shipped\"}}", 1769337000120L, true);

        EventEnvelope e = cut.toEnvelope(entry(row));

        assertEquals(17, e.id());
        assertEquals("commerce", e.product());
        assertEquals("shipment:updated", e.type());
        assertEquals(new LinkedHashSet<>(Arrays.asList("commerce:shipment_changes", "commerce:order_changes")), e.routingKeys());
        assertEquals("shipped", e.data().getJsonObject("changed_fields").getString("status"));
        assertEquals(Instant.parse("2026-01-25T10:30:00.120Z"), e.timestamp());
    }

    @Test
    void aDatabaseErrorIsReportedAndWritesNothing() throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute("ALTER TABLE " + EventLogEntry.TABLE + " ADD CONSTRAINT short_type CHECK (LENGTH(event_type) < 5)");
        }

        var e = assertThrows(IllegalStateException.class,
                () -> cut.append(HeraldEvent.of("commerce", "order:created", data(1), Set.of("commerce:order_changes"))));

        assertTrue(e.getMessage().startsWith("Could not append to the event log: "), e.getMessage());
        assertEquals(List.of(), rows());
    }
}
