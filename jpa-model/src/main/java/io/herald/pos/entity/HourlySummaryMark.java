package io.herald.pos.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** That the hourly summary of one location and hour was published (by whichever node inserted this first). */
@Entity
@Table(name = "pos_hourly_summary")
public class HourlySummaryMark {

    /** {@code <location>@<hour start, epoch ms>}. */
    @Id
    @Column(name = "summary_key", length = 100)
    private String key;

    protected HourlySummaryMark() {
    }

    public HourlySummaryMark(String key) {
        this.key = key;
    }

    public String getKey() {
        return key;
    }
}
