/**
 * Publishing over REST: an administrator (or an application that cannot add Herald's jar) hands
 * Herald a {@link io.herald.api.HeraldEvent}, which goes the same way as the events of Herald's
 * own entities.
 */
package io.herald.publish.control;
