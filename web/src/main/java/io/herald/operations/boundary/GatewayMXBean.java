package io.herald.operations.boundary;

import java.util.Map;

/**
 * The node's figures and an administrator's actions in JMX, as {@code io.herald:type=Gateway} in
 * the platform MBean server (JConsole, VisualVM, Payara Server's JMX monitoring). Maps are keyed
 * by product, or {@code product/channel} and {@code product/reason}; counters count since the node
 * started.
 */
public interface GatewayMXBean {

    String getNodeName();

    /** {@code live} or {@code catching-up}. */
    String getDeliveryMode();

    int getSessions();

    Map<String, Integer> getSessionsByProduct();

    Map<String, Integer> getSubscriptionsByChannel();

    Map<String, Long> getHandshakesAccepted();

    Map<String, Long> getHandshakesRefused();

    long getEventsReceived();

    Map<String, Long> getDeliveries();

    long getDuplicatesDropped();

    int getSendQueueMax();

    long getSendQueueFrames();

    Map<String, Long> getSlowClientsClosed();

    Map<String, Long> getErrorsAnswered();

    /** {@code -1} when the database does not answer. */
    long getOutboxUnpublished();

    /** {@code -1} when the database does not answer. */
    long getOutboxOldestAgeSeconds();

    /** Commit-to-delivery latency over the last minute at the 99th percentile, by product. */
    Map<String, Long> getDeliveryLatencyP99Millis();

    /** Commit-to-delivery latency over the last minute, the maximum, by product. */
    Map<String, Long> getDeliveryLatencyMaxMillis();

    /** This node's open connections, newest first: {@code id product user [channels] queued}. */
    String[] listSessions();

    /** Closes the connection with this id (on whichever node it is) with 1008. @return how many this node closed */
    int disconnectSession(String sessionId);

    /** Closes every connection of this user, in any product, on every node, with 1008. @return how many this node closed */
    int disconnectUser(String user);

    /**
     * Sends document 004's {@code server_maintenance} to every trading client.
     * @param startTime ISO-8601 instant; empty for now
     * @param endTime ISO-8601 instant; empty for an hour after the start
     * @return the event's data as JSON
     */
    String broadcastNotice(String message, String startTime, String endTime);
}
