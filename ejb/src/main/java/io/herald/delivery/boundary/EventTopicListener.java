package io.herald.delivery.boundary;

import io.herald.delivery.control.EnvelopeCodec;
import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.Subscriber;
import io.herald.operations.control.GatewayMeter;
import io.herald.delivery.control.Messaging;
import io.herald.delivery.control.OrderedFanout;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Receives every event published to the topic (a non-durable subscription per node) and hands it,
 * with the publishing node's id and message number, to this node's {@link OrderedFanout}. A message that cannot be read is rethrown so that the broker
 * redelivers it and finally dead-letters it.
 */
@MessageDriven(activationConfig = {
    // Payara: the adapter by name (WildFly ignores the property: jboss-ejb3.xml binds the adapter there)
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Messaging.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Messaging.EVENTS_ADDRESS),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "NonDurable"),
    // one consumer per node: events are handed to the sessions in the order the topic has them
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
// No JTA transaction per message: the handler only hands the event to in-memory queues, so an XA
// enlistment (two broker round trips and the transaction manager's work) bought nothing. Without
// one the resource adapter acknowledges after onMessage returns and, when it throws, rolls the
// session back, so a poison message is still redelivered and finally dead-lettered.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventTopicListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(EventTopicListener.class.getName());

    @Inject
    OrderedFanout fanout;

    @Inject
    GatewayMeter meter;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("Herald events are TextMessages, got " + message.getClass().getName());
        }
        try {
            String origin = text.getStringProperty(Messaging.ORIGIN_PROPERTY);
            long number = origin == null ? 0 : text.getLongProperty(Messaging.SEQUENCE_PROPERTY);
            if (text.propertyExists(Messaging.MARKER_PROPERTY)) {
                fanout.markerFromTopic(origin, number, text.getLongProperty(Messaging.MARKER_PROPERTY));
                return;
            }
            EventEnvelope event = EnvelopeCodec.decode(text.getText());
            if (!Subscriber.INTERNAL.equals(event.product())) {
                meter.eventFromTopic();
            }
            fanout.fromTopic(event, origin, number);
        } catch (JMSException e) {
            LOG.warning(() -> "Could not read an event message: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }
}
