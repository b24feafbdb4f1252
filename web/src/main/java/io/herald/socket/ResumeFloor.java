package io.herald.socket;

import io.herald.delivery.control.EventEnvelope;
import io.herald.delivery.control.EventIds;
import java.util.function.Predicate;

/**
 * What a client that resumed a subscription already has, by the id it passed back: every event of
 * that subscription up to the id's resume point except the open ids it names. A late commit below
 * that point that reaches this node after the resume (the node the client left delivered it, this
 * one had not found it yet) is then not sent a second time.
 *
 * @param subscription which events belong to the resumed subscription
 * @param point the parsed id the client resumed with
 */
record ResumeFloor(Predicate<EventEnvelope> subscription, EventIds.Point point) {

    /** Whether the client received {@code event} before it resumed. */
    boolean alreadySent(EventEnvelope event) {
        return event.durable() && event.id() <= point.after() && point.epoch().equals(event.epoch())
                && !point.open().contains(event.id()) && subscription.test(event);
    }
}
