package io.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events that applications publish with the API jar arrive on the broker's {@code herald.ingest}
 * queue; any node takes them. Malformed ones go to {@code herald.ingest.dead} with the reason and
 * the nodes carry on; the example shop on a node of its own reaches subscribers on another node.
 */
@ExtendWith(Cluster.class)
@LongRun
class IngestIT {

    private static final String INGEST = "herald.ingest";
    private static final String DEAD = "herald.ingest.dead";

    private static String event(String marker) {
        return "{\"product\":\"commerce\",\"type\":\"order:updated\",\"routing_keys\":[\"commerce:order_changes\"],\"data\":{\"marker\":\"" + marker + "\"}}";
    }

    @Test
    void malformedMessagesAreDeadLetteredWithTheReasonAndTheNextOneIsDelivered() throws Exception {
        Cluster cluster = Cluster.get();
        String marker = "ingest-" + System.nanoTime();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(cluster.broker().url());
                JMSContext jms = factory.createContext();
                WsClient ws = PublishFromApplicationIT.commerceSubscriber(cluster.nodeB())) {
            JMSConsumer dead = jms.createConsumer(jms.createQueue(DEAD));
            jms.createProducer().send(jms.createQueue(INGEST), "{not json");
            jms.createProducer().send(jms.createQueue(INGEST), "{\"product\":\"nope\",\"type\":\"t\",\"routing_keys\":[\"nope:x\"],\"data\":{}}");
            jms.createProducer().send(jms.createQueue(INGEST), new byte[] {1, 2, 3});
            jms.createProducer().send(jms.createQueue(INGEST), event(marker));

            JsonObject delivered = ws.expectEvent("order:updated");
            assertEquals(marker, delivered.getJsonObject("data").getString("marker"));

            Map<String, String> reasons = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                Message m = dead.receive(WsClient.WAIT.toMillis());
                assertNotNull(m, "dead letters so far: " + reasons);
                reasons.put(m instanceof TextMessage t ? t.getText() : "(bytes)", m.getStringProperty("heraldRejected"));
            }
            assertEquals("Malformed JSON", reasons.get("{not json"));
            assertTrue(reasons.get("{\"product\":\"nope\",\"type\":\"t\",\"routing_keys\":[\"nope:x\"],\"data\":{}}").startsWith("product must be one of"), reasons::toString);
            assertEquals("not a text message", reasons.get("(bytes)"));
        }
    }

    @Test
    void theShopOnANodeOfItsOwnReachesSubscribersOnAnotherNode() throws Exception {
        Cluster cluster = Cluster.get();
        Map<String, String> env = cluster.nodeEnvironment();
        env.put("HERALD_DEPLOY", PublishFromApplicationIT.shopWar());
        try (HeraldNode shop = HeraldNode.start("shop-node", env);
                WsClient ws = PublishFromApplicationIT.commerceSubscriber(cluster.nodeA())) {
            long id = PublishFromApplicationIT.createOrder(shop, "12.50");
            JsonObject created = ws.expectEvent("order:created");
            assertEquals(id, created.getJsonObject("data").getJsonNumber("id").longValue());
            assertEquals(200, PublishFromApplicationIT.post(shop, "/shop/api/orders/" + id + "/pay").status());
            assertEquals("paid", ws.expectEvent("order:updated").getJsonObject("data").getJsonObject("changed_fields").getString("payment_status"));
        }
    }
}
