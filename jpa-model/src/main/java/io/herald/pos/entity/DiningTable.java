package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A table of a location: free, reserved (for a name) or seated (with a party). */
@Entity
@Table(name = "pos_dining_table")
@NamedQuery(name = "DiningTable.at", query = "SELECT t FROM DiningTable t WHERE t.locationId = :location ORDER BY t.number, t.id")
public class DiningTable extends PosRecord {

    public static final String FREE = "free";
    public static final String SEATED = "seated";
    public static final String RESERVED = "reserved";

    @Column(name = "table_number", nullable = false, length = 20)
    private String number;

    @Column(name = "status", nullable = false, length = 10)
    private String status;

    @Column(name = "party_size", nullable = false)
    private int partySize;

    @Column(name = "reserved_for", length = 200)
    private String reservedFor;

    protected DiningTable() {
    }

    public DiningTable(String locationId, String number, long now) {
        super("tbl", locationId, now);
        this.number = number;
        this.status = FREE;
    }

    /** @return the problem, or {@code null} when the party sits */
    public String seat(int party, long now) {
        if (SEATED.equals(status)) {
            return "Table " + number + " is taken";
        }
        status = SEATED;
        partySize = party;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when it is free */
    public String clear(long now) {
        if (FREE.equals(status)) {
            return "Table " + number + " is free already";
        }
        status = FREE;
        partySize = 0;
        reservedFor = null;
        touch(now);
        return null;
    }

    /** @return the problem, or {@code null} when it is reserved */
    public String reserve(String name, long now) {
        if (!FREE.equals(status)) {
            return "Table " + number + " is " + status;
        }
        status = RESERVED;
        reservedFor = name;
        touch(now);
        return null;
    }

    public String getNumber() {
        return number;
    }

    public String getStatus() {
        return status;
    }

    public int getPartySize() {
        return partySize;
    }

    public String getReservedFor() {
        return reservedFor;
    }
}
