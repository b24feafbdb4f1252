package io.herald.orders.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link RequiresApiKey} resource method that reaches the whole organization (lists every order,
 * changes one): besides the key it needs {@code X-Authorization-Signature} over the request, unless
 * {@code herald.orders.rest-signature-required} is {@code false}. Read by {@link ApiKeyFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresSignature {
}
