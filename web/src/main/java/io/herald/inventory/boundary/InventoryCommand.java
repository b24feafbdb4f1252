package io.herald.inventory.boundary;

/** A message from a notification client, decoded by {@link InventoryCodec}; each knows how to run itself. */
public sealed interface InventoryCommand {

    /** Runs the command for one connection; @return the reply text, or {@code null} for none */
    String runOn(InboxConnection connection);

    /** {@code {"action":"mark_read","id":…}}: no reply when it worked (or was read already). */
    record MarkRead(String id) implements InventoryCommand {
        public String runOn(InboxConnection connection) {
            return connection.markRead(id) ? null : connection.error("Notification not found: " + id);
        }
    }

    /** The text {@code PING}. */
    record Ping() implements InventoryCommand {
        public String runOn(InboxConnection connection) {
            return InventoryCodec.pong();
        }
    }

    record Invalid(String message) implements InventoryCommand {
        public String runOn(InboxConnection connection) {
            return connection.error(message);
        }
    }
}
