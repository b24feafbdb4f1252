package io.herald.delivery.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Topic;

/**
 * The server's connection factory and event topic as resource references of one enterprise bean
 * (bound on WildFly by {@code jboss-ejb3.xml}). CDI beans take them from here:
 * a CDI bean's own {@code java:comp/env} is, on WildFly, the environment of whichever bean calls it
 * first, so a reference declared on it resolves on one server and not on the other.
 */
@Stateless
public class MessagingResources {

    @Resource(name = Messaging.CONNECTION_FACTORY, lookup = Messaging.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(name = Messaging.EVENTS_TOPIC, lookup = Messaging.EVENTS_TOPIC)
    Topic eventsTopic;

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    public Topic eventsTopic() {
        return eventsTopic;
    }
}
