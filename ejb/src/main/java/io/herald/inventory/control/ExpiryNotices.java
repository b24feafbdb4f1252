package io.herald.inventory.control;

import io.herald.inventory.entity.ExpiringProduct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.Optional;

/** Creates the expiry notice a product is due, each product in a transaction of its own. */
@Stateless
public class ExpiryNotices {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Inbox inbox;

    /**
     * Notifies the product's owner if a notice is due today and was not sent before.
     * Concurrent scans on several nodes may race for the same notice: the notification's unique
     * key lets one of them commit and rolls the others back.
     *
     * @return {@code true} if a notification was created
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean check(long productId, LocalDate today, int horizonDays) {
        ExpiringProduct product = em.find(ExpiringProduct.class, productId);
        if (product == null) {
            return false;
        }
        Optional<ExpiryNotice> due = ExpiryNotice.due(productId, product.getExpiryDate(), today, horizonDays);
        if (due.isEmpty() || due.get().key().equals(product.getLastNotice()) || inbox.exists(due.get().key())) {
            return false;
        }
        ExpiryNotice notice = due.get();
        inbox.notify(product.getOwner(), notice.message(), notice.type(), product.getName(), notice.key());
        product.setLastNotice(notice.key());
        return true;
    }
}
