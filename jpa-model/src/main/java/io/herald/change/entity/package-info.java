/**
 * Change tracking for entities whose changes become events: a mapped superclass that keeps the
 * last known state, the JPA entity listener that turns lifecycle callbacks into immutable
 * {@link io.herald.change.entity.EntityChange} records fired as CDI events, and the
 * changed-field computation. Nothing here touches the EntityManager.
 */
package io.herald.change.entity;
