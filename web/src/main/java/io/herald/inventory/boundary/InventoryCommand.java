package io.herald.inventory.boundary;

import io.herald.socket.SocketCommand;

/**
 * A message of document 001, decoded by {@link InventoryCodec}; each knows how to run itself.
 * {@code PING} and unreadable messages are the skeleton's {@link SocketCommand.Ping} and
 * {@link SocketCommand.Invalid}.
 */
public sealed interface InventoryCommand extends SocketCommand<InboxConnection> {

    /** {@code {"action":"mark_read","id":…}}: no reply when it worked (or was read already). */
    record MarkRead(String id) implements InventoryCommand {
        public String runOn(InboxConnection connection) {
            return connection.markRead(id) ? null : connection.error("Notification not found: " + id);
        }
    }
}
