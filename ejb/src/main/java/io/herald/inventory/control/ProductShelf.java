package io.herald.inventory.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.inventory.entity.ExpiringProduct;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Products with expiry dates, each owned by the user who created it. A user sees and changes
 * only their own products; anyone else's are "not found".
 */
@Stateless
public class ProductShelf {

    private static final Set<String> FIELDS = Set.of("name", "expiry_date");
    private static final int MAX_LIST = 1000;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public JsonObject create(String owner, JsonInput input) {
        input.onlyFields(FIELDS);
        ExpiringProduct p = new ExpiringProduct(owner, input.requiredText("name", 200), date(input));
        em.persist(p);
        em.flush();
        return wire(p);
    }

    public List<JsonObject> list(String owner) {
        return em.createNamedQuery("ExpiringProduct.byOwner", ExpiringProduct.class)
                .setParameter("owner", owner)
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(ProductShelf::wire)
                .toList();
    }

    public JsonObject find(String owner, long id) {
        return wire(owned(owner, id));
    }

    /** Applies the fields present; @return the product after the change */
    public JsonObject update(String owner, long id, JsonInput input) {
        input.onlyFields(FIELDS);
        ExpiringProduct p = owned(owner, id);
        if (input.has("name")) {
            p.setName(input.requiredText("name", 200));
        }
        if (input.has("expiry_date")) {
            p.setExpiryDate(date(input));
        }
        return wire(p);
    }

    public void delete(String owner, long id) {
        em.remove(owned(owner, id));
    }

    private ExpiringProduct owned(String owner, long id) {
        ExpiringProduct p = em.find(ExpiringProduct.class, id);
        if (p == null || !p.getOwner().equals(owner)) {
            throw new UnknownRecordException("Product " + id + " not found");
        }
        return p;
    }

    private static LocalDate date(JsonInput input) {
        String text = input.requiredText("expiry_date", 10);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expiry_date must be a date like 2026-03-04");
        }
    }

    static JsonObject wire(ExpiringProduct p) {
        return JSON.createObjectBuilder()
                .add("id", p.getId())
                .add("name", p.getName())
                .add("expiry_date", p.getExpiryDate().toString())
                .add("owner", p.getOwner())
                .build();
    }
}
