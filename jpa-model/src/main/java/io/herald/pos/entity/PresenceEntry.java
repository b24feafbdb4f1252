package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * One connection's presence in a channel at a location: the user, what the client said about
 * them ({@code user_info}), when it joined, and the node holding the connection. It goes when the
 * connection leaves or closes, or when its node stops beating ({@link PresenceNode}).
 */
@Entity
@Table(name = "pos_presence", indexes = {
    @Index(name = "pos_presence_scope", columnList = "channel, scope"),
    @Index(name = "pos_presence_connection", columnList = "node_id, connection_id")
})
@NamedQuery(name = "PresenceEntry.inScope",
        query = "SELECT p FROM PresenceEntry p WHERE p.channel = :channel AND p.scope = :scope ORDER BY p.joinedAt, p.id")
@NamedQuery(name = "PresenceEntry.ofConnection",
        query = "SELECT p FROM PresenceEntry p WHERE p.nodeId = :node AND p.connectionId = :connection")
@NamedQuery(name = "PresenceEntry.ofNode",
        query = "SELECT p FROM PresenceEntry p WHERE p.nodeId = :node")
@NamedQuery(name = "PresenceEntry.countOfUser",
        query = "SELECT COUNT(p) FROM PresenceEntry p WHERE p.channel = :channel AND p.scope = :scope AND p.userId = :user")
@NamedQuery(name = "PresenceEntry.delete",
        query = "DELETE FROM PresenceEntry p WHERE p.id = :id")
public class PresenceEntry {

    @Id
    @SequenceGenerator(name = "pos_presence_seq", sequenceName = "pos_presence_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pos_presence_seq")
    private Long id;

    @Column(name = "channel", nullable = false, length = 20)
    private String channel;

    /** The location id. */
    @Column(name = "scope", nullable = false, length = 64)
    private String scope;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Lob
    @Column(name = "user_info", nullable = false)
    private String userInfo;

    /** Epoch milliseconds. */
    @Column(name = "joined_at", nullable = false)
    private long joinedAt;

    @Column(name = "node_id", nullable = false, length = 40)
    private String nodeId;

    @Column(name = "connection_id", nullable = false, length = 100)
    private String connectionId;

    protected PresenceEntry() {
    }

    public PresenceEntry(String channel, String scope, String userId, String userInfo, long joinedAt, String nodeId, String connectionId) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.userInfo = Objects.requireNonNull(userInfo, "userInfo");
        this.joinedAt = joinedAt;
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
    }

    /** The client joined again with other information about the user. */
    public void describe(String userInfo) {
        this.userInfo = Objects.requireNonNull(userInfo, "userInfo");
    }

    public boolean isIn(String channel, String scope) {
        return this.channel.equals(channel) && this.scope.equals(scope);
    }

    public Long getId() {
        return id;
    }

    public String getChannel() {
        return channel;
    }

    public String getScope() {
        return scope;
    }

    public String getUserId() {
        return userId;
    }

    public String getUserInfo() {
        return userInfo;
    }

    public long getJoinedAt() {
        return joinedAt;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getConnectionId() {
        return connectionId;
    }
}
