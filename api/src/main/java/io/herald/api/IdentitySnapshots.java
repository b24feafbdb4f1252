package io.herald.api;

import jakarta.json.JsonObject;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * The last known state of each managed entity instance, by identity (an entity's own
 * {@code equals} may depend on fields that change) and weakly (an instance the persistence
 * context dropped is forgotten).
 */
final class IdentitySnapshots {

    private final Map<Key, JsonObject> states = new HashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    /** @return the state it had before */
    synchronized JsonObject put(Object entity, JsonObject state) {
        expunge();
        return states.put(new Key(entity, collected), state);
    }

    synchronized JsonObject remove(Object entity) {
        expunge();
        return states.remove(new Key(entity, null));
    }

    synchronized int size() {
        expunge();
        return states.size();
    }

    private void expunge() {
        for (Object gone; (gone = collected.poll()) != null; ) {
            states.remove(gone);
        }
    }

    private static final class Key extends WeakReference<Object> {

        private final int hash;

        Key(Object entity, ReferenceQueue<Object> queue) {
            super(entity, queue);
            hash = System.identityHashCode(entity);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object mine = get();
            return other instanceof Key key && mine != null && mine == key.get();
        }
    }
}
