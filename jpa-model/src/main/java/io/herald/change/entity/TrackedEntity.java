package io.herald.change.entity;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.util.Map;

/**
 * Base class of entities whose changes become events. Subclasses say what they are called on the
 * wire and what their wire state is; {@link ChangeListener} remembers the state seen at load time
 * so that updates can name exactly the fields that changed.
 */
@MappedSuperclass
@EntityListeners(ChangeListener.class)
public abstract class TrackedEntity {

    @Transient
    private transient Map<String, Object> lastKnownState;

    /** The product whose event vocabulary this entity belongs to, e.g. {@code commerce}. */
    public abstract String product();

    /** The entity's name in event types, e.g. {@code order} for {@code order:created}. */
    public abstract String eventName();

    /** The entity's current state keyed by wire field name, in wire order. */
    public abstract Map<String, Object> wireState();

    Map<String, Object> lastKnownState() {
        return lastKnownState;
    }

    void rememberState() {
        this.lastKnownState = wireState();
    }
}
