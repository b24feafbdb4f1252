package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A running node's heartbeat. Every node beats every few seconds; a node whose last beat is older
 * than the timeout is dead (crashed, killed, cut off), and any node removes it with its presence.
 */
@Entity
@Table(name = "pos_presence_node")
@NamedQuery(name = "PresenceNode.silentSince",
        query = "SELECT n FROM PresenceNode n WHERE n.beatAt < :before")
public class PresenceNode {

    @Id
    @Column(name = "node_id", length = 40)
    private String nodeId;

    /** Epoch milliseconds of the last beat. */
    @Column(name = "beat_at", nullable = false)
    private long beatAt;

    protected PresenceNode() {
    }

    public PresenceNode(String nodeId, long beatAt) {
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.beatAt = beatAt;
    }

    public void beat(long at) {
        beatAt = Math.max(beatAt, at);
    }

    public String getNodeId() {
        return nodeId;
    }

    public long getBeatAt() {
        return beatAt;
    }
}
