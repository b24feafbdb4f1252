package io.herald.commerce.entity;

import io.herald.change.entity.TrackedEntity;
import jakarta.persistence.MappedSuperclass;

/** A commerce record whose changes are published as commerce events ({@code <eventName>:created|updated|deleted}). */
@MappedSuperclass
public abstract class CommerceRecord extends TrackedEntity {

    @Override
    public final String product() {
        return "commerce";
    }
}
