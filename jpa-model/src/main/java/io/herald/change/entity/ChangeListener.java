package io.herald.change.entity;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns JPA lifecycle callbacks of {@link TrackedEntity} subclasses into {@link EntityChange}
 * CDI events, fired synchronously on the flushing thread inside the transaction. It only builds
 * the record and fires it; observers decide what the change means.
 */
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());

    @Inject
    Event<EntityChange> changes;

    @PostLoad
    void loaded(TrackedEntity entity) {
        entity.rememberState();
    }

    @PostPersist
    void created(TrackedEntity entity) {
        fire(new EntityChange(entity.product(), entity.eventName(), Operation.CREATED, entity.wireState(), Map.of()));
        entity.rememberState();
    }

    @PostUpdate
    void updated(TrackedEntity entity) {
        Map<String, Object> state = entity.wireState();
        Map<String, Object> before = entity.lastKnownState();
        Map<String, Object> changed = before == null ? state : ChangedFields.between(before, state);
        entity.rememberState();
        if (!changed.isEmpty()) {
            fire(new EntityChange(entity.product(), entity.eventName(), Operation.UPDATED, state, changed));
        }
    }

    @PostRemove
    void removed(TrackedEntity entity) {
        fire(new EntityChange(entity.product(), entity.eventName(), Operation.DELETED, entity.wireState(), Map.of()));
    }

    private void fire(EntityChange change) {
        if (changes == null) {
            // only outside a CDI container (plain unit tests); in the server this is a wiring defect
            LOG.severe(() -> "No CDI injection into the entity listener; event lost: " + change.eventType());
            return;
        }
        changes.fire(change);
    }
}
