package io.herald.launcher;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The broker or brokers Herald connects to: {@code tcp://host:port}, or a comma-separated list for
 * an Artemis primary/backup pair ({@code tcp://primary:61616,tcp://backup:61616}). With more than
 * one, the resource adapter gets one connector per address and {@code HA=true}, so clients learn the
 * pair's topology from whichever answers and fail over to the backup when the primary dies.
 */
public record BrokerAddresses(List<BrokerAddress> all) {

    static final String NETTY = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";

    public BrokerAddresses {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no broker address");
        }
        all = List.copyOf(all);
    }

    public static BrokerAddresses parse(String urls) {
        return new BrokerAddresses(Arrays.stream(urls.split(",")).filter(u -> !u.isBlank()).map(BrokerAddress::parse).toList());
    }

    public static BrokerAddresses of(BrokerAddress one) {
        return new BrokerAddresses(List.of(one));
    }

    public boolean highlyAvailable() {
        return all.size() > 1;
    }

    /** The resource adapter's {@code ConnectorClassName}: the Netty connector, once per address. */
    public String connectorClassNames() {
        return String.join(",", Collections.nCopies(all.size(), NETTY));
    }

    /** The resource adapter's {@code ConnectionParameters}: {@code host=…;port=…} per address, comma-separated. */
    public String connectionParameters() {
        return all.stream().map(BrokerAddress::connectionParameters).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return all.stream().map(a -> a.host() + ":" + a.port()).collect(Collectors.joining(","));
    }
}
