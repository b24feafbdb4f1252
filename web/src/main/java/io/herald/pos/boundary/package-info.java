/** {@code /pos/v1/ws}: the point-of-sale subscriptions socket (document 003). */
package io.herald.pos.boundary;
