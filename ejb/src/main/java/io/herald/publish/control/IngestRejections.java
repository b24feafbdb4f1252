package io.herald.publish.control;

import io.herald.common.control.SequencedRing;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What this node's ingest listener moved to the dead-letter queue since the node started: how many,
 * and the last {@value #CAPACITY} with their reason, for the admin page. The messages themselves stay
 * in the broker's dead-letter queue; this is a node's memory of them, lost at restart. Recording one
 * is an increment and an array write ({@link SequencedRing}).
 */
@ApplicationScoped
public class IngestRejections {

    static final int CAPACITY = 20;
    /** How much of a rejected message's text is kept. */
    public static final int MAX_BODY = 2_000;

    /**
     * One rejected message.
     *
     * @param seq its place in this node's count (starts at 1)
     * @param at when it was rejected (epoch ms)
     * @param reason why (the text of the {@code heraldRejected} property)
     * @param body the first {@value #MAX_BODY} characters of its text, {@code null} for a message without text
     * @param truncated whether the text was longer
     * @param messageId the JMS message id (the dead letter's correlation id), or {@code null}
     */
    public record Rejection(long seq, long at, String reason, String body, boolean truncated, String messageId) {
    }

    private final SequencedRing<Rejection> ring = new SequencedRing<>(CAPACITY, Rejection::seq);

    /** Remembers a message that went to the dead-letter queue. */
    public void record(String reason, String body, String messageId, long at) {
        boolean truncated = body != null && body.length() > MAX_BODY;
        ring.add(seq -> new Rejection(seq, at, reason == null ? "" : reason, truncated ? body.substring(0, MAX_BODY) : body, truncated, messageId));
    }

    /** How many were rejected since the node started. */
    public long count() {
        return ring.last();
    }

    /** The last ones still kept, newest first. */
    public List<Rejection> latest() {
        List<Rejection> latest = new ArrayList<>(ring.range(1, ring.last()));
        Collections.reverse(latest);
        return latest;
    }
}
