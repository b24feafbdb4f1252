package io.herald.inventory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.inventory.entity.Notification;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryNoticeTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-04");

    private static Optional<ExpiryNotice> due(LocalDate expiry) {
        return ExpiryNotice.due(7, expiry, TODAY, 3);
    }

    @Test
    void warningsWithinTheHorizonNameTheDaysLeft() {
        assertEquals(Optional.of(new ExpiryNotice("expiry:7:2026-03-07:3", "Product expires in 3 days", Notification.Type.WARNING)), due(TODAY.plusDays(3)));
        assertEquals(Optional.of(new ExpiryNotice("expiry:7:2026-03-06:2", "Product expires in 2 days", Notification.Type.WARNING)), due(TODAY.plusDays(2)));
        assertEquals(Optional.of(new ExpiryNotice("expiry:7:2026-03-05:1", "Product expires in 1 day", Notification.Type.WARNING)), due(TODAY.plusDays(1)));
        assertEquals(Optional.of(new ExpiryNotice("expiry:7:2026-03-04:0", "Product expires today", Notification.Type.WARNING)), due(TODAY));
    }

    @Test
    void nothingIsDueBeyondTheHorizon() {
        assertEquals(Optional.empty(), due(TODAY.plusDays(4)));
    }

    @Test
    void anExpiredProductGetsOneErrorWhateverTheDay() {
        ExpiryNotice expired = new ExpiryNotice("expiry:7:2026-03-01:expired", "Product expired on 2026-03-01", Notification.Type.ERROR);
        assertEquals(Optional.of(expired), due(TODAY.minusDays(3)));
        assertEquals(Optional.of(expired), ExpiryNotice.due(7, TODAY.minusDays(3), TODAY.plusDays(10), 3), "same key on later days");
    }

    @Test
    void keysDifferPerProductAndExpiryDateSoAChangedDateIsNoticedAgain() {
        assertEquals("expiry:8:2026-03-06:2", ExpiryNotice.due(8, TODAY.plusDays(2), TODAY, 3).orElseThrow().key());
        assertEquals("expiry:7:2026-03-05:2", ExpiryNotice.due(7, TODAY.plusDays(1), TODAY.minusDays(1), 3).orElseThrow().key());
    }
}
