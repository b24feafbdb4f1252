package io.herald.delivery.control;

/** JNDI names and the broker address of Herald's messaging resources. */
public final class Messaging {

    /** The resource adapter's name: the RAR's file name without {@code .rar}. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";
    public static final String CONNECTION_FACTORY = "java:app/jms/herald/ConnectionFactory";
    public static final String EVENTS_TOPIC = "java:app/jms/herald/Events";
    /** The Artemis address every node listens on. */
    public static final String EVENTS_ADDRESS = "herald.events";

    private Messaging() {
    }
}
