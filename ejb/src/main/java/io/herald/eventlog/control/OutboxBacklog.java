package io.herald.eventlog.control;

/**
 * The durable events committed but not yet published to the topic.
 *
 * @param unpublished how many
 * @param oldestLoggedAt when the oldest of them was logged (epoch ms); {@code 0} when there are none
 */
public record OutboxBacklog(long unpublished, long oldestLoggedAt) {

    public static final OutboxBacklog NONE = new OutboxBacklog(0, 0);

    /** How long the oldest has waited as of {@code nowMillis}, {@code 0} when none waits. */
    public long oldestAgeMillis(long nowMillis) {
        return unpublished == 0 ? 0 : Math.max(0, nowMillis - oldestLoggedAt);
    }
}
