package io.herald.pos.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.WireJson;
import io.herald.pos.entity.PresenceEntry;
import io.herald.pos.entity.PresenceNode;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is present in a channel at a location, cluster-wide: one row per connection that joined,
 * in the shared database, so every node lists the same users. {@code presence.user_joined} is
 * published when a user's first connection joins, {@code presence.user_left} when their last one
 * leaves, closes, or is removed with its dead node ({@link #removeDeadNodes}); both go, as durable
 * events, to the subscribers of that channel and location on every node.
 */
@Stateless
public class Presence {

    public static final String JOINED = "presence.user_joined";
    public static final String LEFT = "presence.user_left";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Event<HeraldEvent> events;

    /** One present user, as {@code presence_list_response} lists them. */
    public record Present(String userId, JsonObject userInfo, Instant joinedAt) {

        public JsonObject wire() {
            return JSON.createObjectBuilder()
                    .add("user_id", userId)
                    .add("user_info", userInfo)
                    .add("joined_at", WireJson.timestamp(joinedAt))
                    .build();
        }
    }

    /** Joins (or, joined already, updates {@code user_info}); @return the user as now present */
    public Present join(String node, String connection, String userId, PosChannel channel, String location, JsonObject userInfo) {
        beat(node); // a node that dies before its first scheduled beat is still found dead
        for (PresenceEntry e : ofConnection(node, connection)) {
            if (e.isIn(channel.wireName(), location)) {
                e.describe(userInfo.toString());
                return present(e);
            }
        }
        boolean first = count(channel, location, userId) == 0;
        PresenceEntry entry = new PresenceEntry(channel.wireName(), location, userId, userInfo.toString(),
                Instant.now().toEpochMilli(), node, connection);
        em.persist(entry);
        Present present = present(entry);
        if (first) {
            announce(JOINED, channel, location, present);
        }
        return present;
    }

    /** Leaves one channel and location; @return whether the connection had joined it */
    public boolean leave(String node, String connection, PosChannel channel, String location) {
        for (PresenceEntry e : ofConnection(node, connection)) {
            if (e.isIn(channel.wireName(), location)) {
                remove(e);
                return true;
            }
        }
        return false;
    }

    /** The connection closed: leaves everything it joined. */
    public void leaveAll(String node, String connection) {
        ofConnection(node, connection).forEach(this::remove);
    }

    /** The users present, each once (their earliest join), in the order they joined. */
    public List<Present> list(PosChannel channel, String location) {
        Map<String, Present> users = new LinkedHashMap<>();
        for (PresenceEntry e : em.createNamedQuery("PresenceEntry.inScope", PresenceEntry.class)
                .setParameter("channel", channel.wireName()).setParameter("scope", location).getResultList()) {
            users.putIfAbsent(e.getUserId(), present(e));
        }
        return new ArrayList<>(users.values());
    }

    /** This node is alive. */
    public void beat(String node) {
        long now = Instant.now().toEpochMilli();
        PresenceNode n = em.find(PresenceNode.class, node);
        if (n == null) {
            em.persist(new PresenceNode(node, now));
        } else {
            n.beat(now);
        }
    }

    /** Removes the nodes silent for {@code timeoutMs} and their presence; @return how many entries went */
    public int removeDeadNodes(long timeoutMs) {
        int removed = 0;
        for (PresenceNode dead : em.createNamedQuery("PresenceNode.silentSince", PresenceNode.class)
                .setParameter("before", Instant.now().toEpochMilli() - timeoutMs).getResultList()) {
            for (PresenceEntry e : em.createNamedQuery("PresenceEntry.ofNode", PresenceEntry.class)
                    .setParameter("node", dead.getNodeId()).getResultList()) {
                if (remove(e)) {
                    removed++;
                }
            }
            em.remove(dead);
        }
        return removed;
    }

    /** Deletes the entry (once, if several nodes try) and announces the user's leave if it was their last. */
    private boolean remove(PresenceEntry e) {
        if (em.createNamedQuery("PresenceEntry.delete").setParameter("id", e.getId()).executeUpdate() != 1) {
            return false;
        }
        em.detach(e);
        PosChannel channel = PosChannel.named(e.getChannel()).orElseThrow();
        if (count(channel, e.getScope(), e.getUserId()) == 0) {
            announce(LEFT, channel, e.getScope(), present(e));
        }
        return true;
    }

    private List<PresenceEntry> ofConnection(String node, String connection) {
        return em.createNamedQuery("PresenceEntry.ofConnection", PresenceEntry.class)
                .setParameter("node", node).setParameter("connection", connection).getResultList();
    }

    private long count(PosChannel channel, String location, String userId) {
        return em.createNamedQuery("PresenceEntry.countOfUser", Long.class)
                .setParameter("channel", channel.wireName()).setParameter("scope", location).setParameter("user", userId)
                .getSingleResult();
    }

    private void announce(String type, PosChannel channel, String location, Present who) {
        JsonObject data = JSON.createObjectBuilder(who.wire())
                .add("channel", channel.wireName())
                .add("location_id", location)
                .build();
        events.fire(HeraldEvent.of(PosKeys.PRODUCT, type, data, Set.of(PosKeys.location(channel, location))));
    }

    private static Present present(PresenceEntry e) {
        try (JsonReader reader = JSON.createReader(new StringReader(e.getUserInfo()))) {
            return new Present(e.getUserId(), reader.readObject(), Instant.ofEpochMilli(e.getJoinedAt()));
        }
    }
}
