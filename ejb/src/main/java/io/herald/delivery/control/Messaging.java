package io.herald.delivery.control;

/**
 * Herald's messaging resources. The connection factory and the topic are server resources
 * (visible and editable in the admin console): herald.jar creates them at boot; on Payara Server
 * and WildFly the scripts in server-config do.
 */
public final class Messaging {

    /** The resource adapter's name: the RAR's file name without {@code .rar}. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";
    public static final String CONNECTION_FACTORY = "jms/herald/ConnectionFactory";
    public static final String EVENTS_TOPIC = "jms/herald/Events";
    /** The Artemis address every node listens on. */
    public static final String EVENTS_ADDRESS = "herald.events";

    private Messaging() {
    }
}
