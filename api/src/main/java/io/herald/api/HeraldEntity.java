package io.herald.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says what an application's JPA entity is called in Herald's events and who receives its
 * changes; put it beside {@code @EntityListeners(HeraldEntityListener.class)}:
 *
 * <pre>
 * &#64;Entity
 * &#64;EntityListeners(HeraldEntityListener.class)
 * &#64;HeraldEntity(product = "commerce", name = "order", routingKeys = "commerce:order_changes")
 * public class ShopOrder { … }
 * </pre>
 *
 * Inserts, updates and deletes then become {@code order:created}, {@code order:updated} (with
 * {@code changed_fields}) and {@code order:deleted} events whose {@code data} is the entity as
 * JSON-B writes it (rename fields with {@code @JsonbProperty}, leave some out with
 * {@code @JsonbTransient}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface HeraldEntity {

    /** The product whose subscribers receive the changes: {@code commerce}, {@code inventory}, {@code orders}, {@code pos} or {@code trading}. */
    String product();

    /** The entity's name in event types: {@code order} gives {@code order:created}, … */
    String name();

    /**
     * The routing keys of every change event, e.g. {@code commerce:order_changes}. A
     * {@code {field}} in a key is replaced by that field of the entity's JSON (URL-encoded, as
     * Herald's own keys are): {@code orders:org:{organization_id}} reaches the order-status
     * clients of that organization. A field that is missing or null fails the flush.
     */
    String[] routingKeys();

    /** Whether Herald keeps the events in its event log (replay, repair after a crash). */
    boolean durable() default true;
}
