package io.herald.publish.boundary;

import io.herald.api.HeraldEvent;
import io.herald.api.HeraldWire;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.LogLimiter;
import io.herald.delivery.control.Messaging;
import io.herald.publish.control.EventIntake;
import io.herald.publish.control.IngestRejections;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the events applications publish with the API jar from the queue
 * {@value Messaging#INGEST_QUEUE} (each message reaches one node) and fires each as Herald's own
 * events are fired, in the message's transaction: it is appended to the event log, where it gets
 * its event id, and published to every node after the commit, which also acknowledges the message.
 * A message Herald cannot accept goes to {@value Messaging#INGEST_DEAD_LETTERS} in the same
 * transaction, with the reason in the property {@value HeraldWire#REJECTED_PROPERTY}, and one log
 * line (at most one per 10 s), and is remembered for the admin page ({@link IngestRejections}); the
 * listener carries on with the next.
 */
@MessageDriven(activationConfig = {
    // Payara: the adapter by name (WildFly ignores the property: jboss-ejb3.xml binds the adapter there)
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.INGEST_QUEUE),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false")
})
public class IngestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(IngestListener.class.getName());
    private static final LogLimiter REJECTIONS = new LogLimiter(LOG, Duration.ofSeconds(10));

    @Inject
    EventIntake intake;

    @Inject
    IngestRejections rejections;

    @Resource(name = Messaging.CONNECTION_FACTORY, lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Override
    public void onMessage(Message message) {
        String body = null;
        HeraldEvent event;
        try {
            if (!(message instanceof TextMessage text)) {
                throw new InvalidInputException("not a text message");
            }
            body = text.getText();
            event = EventIntake.read(body);
        } catch (InvalidInputException | JMSException e) {
            reject(message, body, e.getMessage());
            return;
        }
        intake.accept(event);
    }

    private void reject(Message message, String body, String reason) {
        REJECTIONS.log(Level.WARNING, () -> "Rejected a message on " + Messaging.INGEST_QUEUE + " (moved to " + Messaging.INGEST_DEAD_LETTERS + "): " + reason);
        try (JMSContext context = connectionFactory.createContext()) {
            Message copy = body != null ? context.createTextMessage(body) : context.createMessage();
            copy.setStringProperty(HeraldWire.REJECTED_PROPERTY, reason);
            String id = message.getJMSMessageID();
            if (id != null) {
                copy.setJMSCorrelationID(id);
            }
            context.createProducer().send(context.createQueue(Messaging.INGEST_DEAD_LETTERS), copy);
            rejections.record(reason, body, id, System.currentTimeMillis());
        } catch (JMSException e) {
            throw new IllegalStateException("could not move a rejected message to " + Messaging.INGEST_DEAD_LETTERS, e);
        }
    }
}
