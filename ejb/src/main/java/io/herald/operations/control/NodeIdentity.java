package io.herald.operations.control;

import io.herald.delivery.control.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name for operators: {@code herald.node.name} when set (herald.jar sets it to
 * {@code <host>:<http port>}), otherwise the host name and the start of the publisher's origin id,
 * which is new on every start.
 */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    @ConfigProperty(name = "herald.node.name")
    Optional<String> configured;

    @Inject
    EventPublisher publisher;

    private volatile String name;

    public String name() {
        String n = name;
        if (n == null) {
            n = configured.filter(s -> !s.isBlank()).orElseGet(() -> host() + "-" + publisher.origin().substring(0, 8));
            name = n;
        }
        return n;
    }

    /** The publisher's origin id: tells this node's own messages from the others'. */
    public String origin() {
        return publisher.origin();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
