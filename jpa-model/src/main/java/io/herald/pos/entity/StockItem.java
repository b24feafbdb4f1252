package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** An inventory item of a location: how many are in stock and below how many stock is low. */
@Entity
@Table(name = "pos_stock_item")
@NamedQuery(name = "StockItem.at", query = "SELECT i FROM StockItem i WHERE i.locationId = :location ORDER BY i.name, i.id")
public class StockItem extends PosRecord {

    /** What a change of stock crossed. */
    public enum Crossing {
        NONE, LOW, OUT
    }

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "low_threshold", nullable = false)
    private int lowThreshold;

    protected StockItem() {
    }

    public StockItem(String locationId, String name, int quantity, int lowThreshold, long now) {
        super("itm", locationId, now);
        this.name = Objects.requireNonNull(name, "name");
        this.quantity = quantity;
        this.lowThreshold = lowThreshold;
    }

    /** Takes {@code amount} out of stock (never below zero); @return the threshold it crossed */
    public Crossing consume(int amount, long now) {
        int before = quantity;
        quantity = Math.max(0, quantity - amount);
        touch(now);
        if (before > 0 && quantity == 0) {
            return Crossing.OUT;
        }
        return before > lowThreshold && quantity <= lowThreshold && quantity > 0 ? Crossing.LOW : Crossing.NONE;
    }

    public void receive(int amount, long now) {
        quantity = (int) Math.min(Integer.MAX_VALUE, (long) quantity + amount);
        touch(now);
    }

    public String getName() {
        return name;
    }

    public int getQuantity() {
        return quantity;
    }

    public int getLowThreshold() {
        return lowThreshold;
    }
}
