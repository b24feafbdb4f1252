package io.herald.socket;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inbound rate limit every product socket applies to each connection ({@link ProductSocket}),
 * one source for all products; a product whose document sets its own (trading) passes its own
 * {@link InboundLimit.Settings}. The defaults leave any interactive client far below the limit and
 * close a flood within a fraction of a second.
 */
@ApplicationScoped
public class InboundLimits {

    @Inject
    @ConfigProperty(name = "herald.socket.rate-limit.per-second", defaultValue = "100")
    double perSecond;

    @Inject
    @ConfigProperty(name = "herald.socket.rate-limit.burst", defaultValue = "200")
    int burst;

    @Inject
    @ConfigProperty(name = "herald.socket.rate-limit.close-after", defaultValue = "200")
    int closeAfter;

    private InboundLimit.Settings settings;

    @PostConstruct
    void read() {
        settings = new InboundLimit.Settings(perSecond, burst, closeAfter);
    }

    /** The settings of every product without its own. */
    public InboundLimit.Settings settings() {
        return settings;
    }
}
