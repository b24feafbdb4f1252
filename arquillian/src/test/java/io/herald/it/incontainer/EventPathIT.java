package io.herald.it.incontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.api.HeraldEvent;
import io.herald.commerce.control.CommerceChannels;
import io.herald.commerce.control.CommerceKind;
import io.herald.commerce.control.CommerceStore;
import io.herald.common.control.JsonInput;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.SessionRegistry;
import io.herald.eventlog.control.EventLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event path inside the server, where a client cannot look: Herald's WAR on Arquillian's managed
 * Payara Micro (arquillian.xml) with a real Artemis broker and database, the test running in the WAR
 * with Herald's beans injected. A change made in a transaction is in the event log and reaches
 * subscribers only once that transaction commits; a rolled-back one leaves no row, no record and no
 * event; an EJB call that fails half-way (a shipment whose tracking number is taken) leaves neither its
 * earlier change nor its events; an application's own {@link HeraldEvent} joins the transaction it is
 * fired in.
 */
@ExtendWith(ArquillianExtension.class)
class EventPathIT {

    private static final String PRODUCTS = CommerceChannels.keyOfEntity("product");
    private static final String ORDERS = CommerceChannels.keyOfEntity("order");
    private static final String SHIPMENTS = CommerceChannels.keyOfEntity("shipment");
    private static final String TEST_KEY = "commerce:incontainer_test";

    @Deployment
    static WebArchive herald() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, MicroResources.war().toFile())
                .addClasses(EventPathIT.class, RecordingSubscriber.class);
    }

    @Inject
    CommerceStore store;

    @Inject
    SessionRegistry registry;

    @Inject
    EventLog eventLog;

    @Inject
    Event<HeraldEvent> events;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    private RecordingSubscriber recorder;

    @BeforeEach
    void subscribe() {
        recorder = new RecordingSubscriber();
        registry.register(recorder);
        registry.subscribe(recorder, PRODUCTS);
        registry.subscribe(recorder, TEST_KEY);
    }

    @AfterEach
    void unsubscribe() {
        registry.remove(recorder);
    }

    @Test
    void aCommittedChangeIsLoggedAndDeliveredAfterTheCommit() throws Exception {
        long before = eventLog.lastId();
        transaction.begin();
        Map<String, Object> lamp = store.create(CommerceKind.PRODUCTS, product("Desk lamp", "IC-LAMP-1"));
        // a change committed meanwhile on another thread: once it has arrived, an event of the lamp
        // published before its commit would have arrived too (it went to the topic first)
        executor.submit(() -> store.create(CommerceKind.PRODUCTS, product("Lamp fence", "IC-FENCE-0"))).get();
        recorder.await(e -> "Lamp fence".equals(e.data().getString("name", null)), "the change committed while the lamp's was open");
        assertFalse(recorder.events().stream().anyMatch(e -> "Desk lamp".equals(e.data().getString("name", null))),
                "nothing reaches a subscriber before the commit: " + recorder.events());
        transaction.commit();

        EventEnvelope created = recorder.await(e -> "Desk lamp".equals(e.data().getString("name", null)), "the lamp's product:created");
        assertEquals("product:created", created.type());
        assertEquals(lamp.get("id"), created.data().getJsonNumber("id").longValue());
        assertEquals(Set.of(PRODUCTS), created.routingKeys());
        assertTrue(created.id() > before, "a durable event has an id from the event log");
        List<EventEnvelope> logged = eventLog.after(CommerceChannels.PRODUCT, before, 100);
        assertEquals(List.of(created.id()), logged.stream().filter(e -> "Desk lamp".equals(e.data().getString("name", null)))
                .map(EventEnvelope::id).toList(), "the event log holds the change once, under the id the subscriber got");
    }

    @Test
    void aRolledBackChangeLeavesNoRecordNoRowAndNoEvent() throws Exception {
        long before = eventLog.lastId();
        transaction.begin();
        store.create(CommerceKind.PRODUCTS, product("Ghost chair", "IC-GHOST-1"));
        transaction.rollback();
        // a committed change after it: once it arrives, the rolled-back one would have too
        store.create(CommerceKind.PRODUCTS, product("Fence post", "IC-FENCE-1"));

        recorder.await(e -> "Fence post".equals(e.data().getString("name", null)), "the committed change after the rollback");
        assertFalse(recorder.events().stream().anyMatch(e -> "Ghost chair".equals(e.data().getString("name", null))),
                "no event of the rolled-back change: " + recorder.events());
        assertFalse(eventLog.after(CommerceChannels.PRODUCT, before, 100).stream()
                .anyMatch(e -> "Ghost chair".equals(e.data().getString("name", null))), "no event log row of the rolled-back change");
        assertFalse(store.list(CommerceKind.PRODUCTS).stream().anyMatch(p -> "Ghost chair".equals(p.get("name"))),
                "no product of the rolled-back change");
    }

    @Test
    void anApplicationsEventJoinsTheTransactionItIsFiredIn() throws Exception {
        long before = eventLog.lastId();
        transaction.begin();
        events.fire(HeraldEvent.of(CommerceChannels.PRODUCT, "test:rolled-back", Json.createObjectBuilder().add("n", 1).build(), Set.of(TEST_KEY)));
        transaction.rollback();
        transaction.begin();
        events.fire(HeraldEvent.of(CommerceChannels.PRODUCT, "test:committed", Json.createObjectBuilder().add("n", 2).build(), Set.of(TEST_KEY)));
        transaction.commit();

        EventEnvelope committed = recorder.await(e -> "test:committed".equals(e.type()), "the committed event");
        assertTrue(committed.durable() && committed.id() > before);
        assertFalse(recorder.events().stream().anyMatch(e -> "test:rolled-back".equals(e.type())), "the rolled-back event went nowhere");
        assertEquals(List.of("test:committed"), eventLog.after(CommerceChannels.PRODUCT, before, 100).stream()
                .map(EventEnvelope::type).filter(t -> t.startsWith("test:")).toList());
    }

    @Test
    void anEphemeralEventOutsideATransactionGoesOutAtOnceAndIsNotLogged() throws Exception {
        long before = eventLog.lastId();
        events.fire(new HeraldEvent(CommerceChannels.PRODUCT, "test:ephemeral", Json.createObjectBuilder().add("n", 3).build(), Set.of(TEST_KEY), false));

        EventEnvelope ephemeral = recorder.await(e -> "test:ephemeral".equals(e.type()), "the ephemeral event");
        assertEquals(0, ephemeral.id(), "an ephemeral event has no event log id");
        assertEquals(3, ephemeral.data().getInt("n"));
        assertFalse(eventLog.after(CommerceChannels.PRODUCT, before, 100).stream().anyMatch(e -> "test:ephemeral".equals(e.type())),
                "an ephemeral event leaves no row");
    }

    @Test
    void aShipmentThatCannotBeStoredChangesNothingAndPublishesNothing() throws Exception {
        registry.subscribe(recorder, ORDERS);
        registry.subscribe(recorder, SHIPMENTS);
        long shipped = id(store.create(CommerceKind.ORDERS, JsonInput.of(Json.createObjectBuilder().add("total", 10).build())));
        long refused = id(store.create(CommerceKind.ORDERS, JsonInput.of(Json.createObjectBuilder().add("total", 20).build())));
        String tracking = "IC-TRACK-" + System.nanoTime();
        JsonInput shipment = JsonInput.of(Json.createObjectBuilder().add("carrier", "DHL").add("tracking_number", tracking).build());
        store.ship(shipped, shipment);
        recorder.await(e -> "shipment:created".equals(e.type()) && tracking.equals(e.data().getString("tracking_number", null)), "the first shipment");
        long before = eventLog.lastId();

        // the same tracking number again: the shipment's row is refused, so the order's change in the same EJB call goes too
        assertThrows(Exception.class, () -> store.ship(refused, shipment));
        store.create(CommerceKind.PRODUCTS, product("Fence post", "IC-FENCE-2"));

        recorder.await(e -> "Fence post".equals(e.data().getString("name", null)), "the committed change after the refused one");
        assertFalse(recorder.events().stream().anyMatch(e -> e.id() > before && e.type().startsWith("order:")
                && e.data().getJsonNumber("id").longValue() == refused), "no event of the refused order's change: " + recorder.events());
        assertEquals(1, recorder.events().stream().filter(e -> "shipment:created".equals(e.type())).count(), "only the first shipment was announced");
        assertEquals("pending", store.find(CommerceKind.ORDERS, refused).get("status"), "the refused order was not changed");
        assertEquals(List.of("product:created"), eventLog.after(CommerceChannels.PRODUCT, before, 100).stream().map(EventEnvelope::type).toList(),
                "the event log holds only the change after the refused one");
    }

    private static long id(Map<String, Object> record) {
        return ((Number) record.get("id")).longValue();
    }

    private static JsonInput product(String name, String sku) {
        return JsonInput.of(Json.createObjectBuilder().add("name", name).add("sku", sku + "-" + System.nanoTime()).add("price", new BigDecimal("12.50")).build());
    }
}
