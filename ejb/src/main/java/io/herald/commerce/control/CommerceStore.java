package io.herald.commerce.control;

import io.herald.change.entity.TrackedEntity;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/**
 * Create, read, update and delete for the five commerce collections. Each write flushes inside
 * the method so that its event is logged in the same transaction before the method returns.
 */
@Stateless
public class CommerceStore {

    private static final int MAX_LIST = 1000;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public Map<String, Object> create(CommerceKind kind, JsonInput input) {
        CommerceForms.Form<TrackedEntity> form = kind.form();
        TrackedEntity entity = form.create(input.onlyFields(form.fields()), this::requireExists);
        em.persist(entity);
        em.flush();
        return entity.wireState();
    }

    public List<Map<String, Object>> list(CommerceKind kind) {
        return em.createNamedQuery(kind.entityClass().getSimpleName() + ".all", kind.entityClass())
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(TrackedEntity::wireState)
                .toList();
    }

    public Map<String, Object> find(CommerceKind kind, long id) {
        return load(kind, id).wireState();
    }

    public Map<String, Object> update(CommerceKind kind, long id, JsonInput input) {
        CommerceForms.Form<TrackedEntity> form = kind.form();
        input.onlyFields(form.fields());
        TrackedEntity entity = load(kind, id);
        form.apply(entity, input, this::requireExists);
        em.flush();
        return entity.wireState();
    }

    public void delete(CommerceKind kind, long id) {
        em.remove(load(kind, id));
        em.flush();
    }

    private TrackedEntity load(CommerceKind kind, long id) {
        TrackedEntity entity = em.find(kind.entityClass(), id);
        if (entity == null) {
            throw new UnknownRecordException(kind.label() + " " + id + " not found");
        }
        return entity;
    }

    private void requireExists(Class<? extends TrackedEntity> type, String field, long id) {
        if (em.find(type, id) == null) {
            throw new InvalidInputException(field + " " + id + " does not exist");
        }
    }
}
