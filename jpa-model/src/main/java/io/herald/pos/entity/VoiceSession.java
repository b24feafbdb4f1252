package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A voice-AI ordering session at a drive-thru lane; completing it places a drive-thru order. */
@Entity
@Table(name = "pos_voice_session")
public class VoiceSession extends PosRecord {

    @Column(name = "lane", nullable = false)
    private int lane;

    @Column(name = "order_id", length = 40)
    private String orderId;

    protected VoiceSession() {
    }

    public VoiceSession(String locationId, int lane, long now) {
        super("vs", locationId, now);
        this.lane = lane;
    }

    /** @return the problem, or {@code null} when it was completed with the order */
    public String complete(String order, long now) {
        if (orderId != null) {
            return "Voice session " + getId() + " is completed already";
        }
        orderId = order;
        touch(now);
        return null;
    }

    public boolean isCompleted() {
        return orderId != null;
    }

    public int getLane() {
        return lane;
    }

    public String getOrderId() {
        return orderId;
    }
}
