package io.herald.delivery.control;

/**
 * Herald's server resources. The connection factory, the topic and the data source are resources of
 * the server (visible and editable in the admin console): herald.jar creates them at boot; on Payara
 * Server and WildFly the scripts in server-config do. The code declares them as resource references
 * ({@code @Resource(name = X, lookup = X)}, in {@code java:comp/env}) whose default binding is the
 * server resource of the same name, as herald.jar and Payara Server have them; WildFly's descriptors
 * ({@code jboss-ejb3.xml}, {@code jboss-web.xml}) bind the same references to {@code java:/…}.
 */
public final class Messaging {

    /** Payara's resource adapter for Artemis: the RAR's file name without {@code .rar}. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";
    /** Herald's database. */
    public static final String DATA_SOURCE = "jdbc/herald";
    /** Also where applications on the same server find it ({@link io.herald.api.HeraldRelay}). */
    public static final String CONNECTION_FACTORY = io.herald.api.HeraldRelay.DEFAULT_CONNECTION_FACTORY;
    public static final String EVENTS_TOPIC = "jms/herald/Events";
    /** The Artemis address every node listens on. */
    public static final String EVENTS_ADDRESS = "herald.events";
    /** The queue applications publish to with the API jar ({@link io.herald.api.HeraldWire}); any node takes each message. */
    public static final String INGEST_QUEUE = io.herald.api.HeraldWire.INGEST_QUEUE;
    /** Where a node moves an application's message it cannot accept. */
    public static final String INGEST_DEAD_LETTERS = io.herald.api.HeraldWire.DEAD_LETTER_QUEUE;
    /** Message property: the publishing node's id for this boot (a random UUID). */
    public static final String ORIGIN_PROPERTY = "heraldOrigin";
    /**
     * Message property: the publishing node's count of send attempts, starting at 1. A receiver
     * that sees a number skipped knows a message of that node did not reach it.
     */
    public static final String SEQUENCE_PROPERTY = "heraldSeq";
    /**
     * Message property of a marker: a message without an event that a node sends to the topic to
     * learn that its own subscription receives what is published (see {@code OrderedFanout}).
     */
    public static final String MARKER_PROPERTY = "heraldMarker";

    private Messaging() {
    }
}
