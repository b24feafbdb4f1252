package io.herald.change.entity;

/** What happened to an entity. The lower-case name is the suffix of the event name. */
public enum Operation {
    CREATED, UPDATED, DELETED;

    /** {@code created}, {@code updated} or {@code deleted}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
