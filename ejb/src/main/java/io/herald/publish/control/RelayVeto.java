package io.herald.publish.control;

import io.herald.api.HeraldRelay;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Herald's deployment has the API jar too (its {@code HeraldEvent} is Herald's own event type),
 * but inside Herald the outbox publishes what is fired; the API's relay, which sends an
 * application's events to Herald's broker, must not run here as well.
 */
public class RelayVeto implements Extension {

    void veto(@Observes ProcessAnnotatedType<HeraldRelay> relay) {
        relay.veto();
    }
}
