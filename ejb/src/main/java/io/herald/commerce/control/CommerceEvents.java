package io.herald.commerce.control;

import io.herald.api.HeraldEvent;
import io.herald.change.entity.EntityChange;
import io.herald.change.entity.Operation;
import io.herald.common.control.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Set;

/**
 * Turns commerce entity changes into the documented events: the entity's state as {@code data},
 * plus {@code changed_fields} with the new values on updates.
 */
@ApplicationScoped
public class CommerceEvents {

    @Inject
    Event<HeraldEvent> events;

    void onChange(@Observes EntityChange change) {
        if (CommerceChannels.PRODUCT.equals(change.product()) && CommerceChannels.ENTITIES.contains(change.entity())) {
            events.fire(toEvent(change));
        }
    }

    static HeraldEvent toEvent(EntityChange change) {
        return HeraldEvent.of(CommerceChannels.PRODUCT, change.eventType(), payload(change),
                Set.of(CommerceChannels.keyOfEntity(change.entity())));
    }

    static JsonObject payload(EntityChange change) {
        JsonObjectBuilder data = WireJson.builder(change.state());
        if (change.operation() == Operation.UPDATED) {
            data.add("changed_fields", WireJson.builder(change.changedFields()));
        }
        return data.build();
    }
}
