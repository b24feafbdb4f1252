package io.herald.orders.control;

import static io.herald.common.control.Jsons.JSON;

import io.herald.api.HeraldEvent;
import io.herald.common.control.ConflictException;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.common.control.UnknownRecordException;
import io.herald.orders.entity.ApiKey;
import io.herald.orders.entity.Organization;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Administration of organizations and their API keys. A new key's secret is returned once and
 * stored only sealed ({@link SecretBox}). Revoking a key tells every node to close the
 * connections authenticated with it (an ephemeral {@value OrdersKeys#KEY_REVOKED} event).
 */
@Stateless
public class Organizations {

    /** A slug: lowercase letters, digits and hyphens, 2 to 40 characters, not starting with a hyphen. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Logger LOG = Logger.getLogger(Organizations.class.getName());
    private static final int MAX_LIST = 1000;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    SecretKeyring keyring;

    @Inject
    Event<HeraldEvent> events;

    /** {@code {"id","name"}}; 409 if the id is taken. */
    public OrganizationView create(JsonInput input) {
        input.onlyFields(Set.of("id", "name"));
        String id = input.requiredText("id", 40);
        if (!SLUG.matcher(id).matches()) {
            throw new InvalidInputException("id must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter or digit");
        }
        return create(id, input.requiredText("name", 200));
    }

    public OrganizationView create(String id, String name) {
        if (em.find(Organization.class, id) != null) {
            throw new ConflictException("Organization " + id + " already exists");
        }
        Organization organization = new Organization(id, name, now());
        em.persist(organization);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // created by someone else at the same moment
            throw new ConflictException("Organization " + id + " already exists");
        }
        return OrganizationView.of(organization);
    }

    public boolean exists(String id) {
        return em.find(Organization.class, id) != null;
    }

    public List<OrganizationView> list() {
        return em.createNamedQuery("Organization.all", Organization.class)
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(OrganizationView::of)
                .toList();
    }

    public OrganizationView find(String id) {
        return OrganizationView.of(organization(id));
    }

    /** Issues a new key with a random {@code api_key} and secret. */
    public IssuedKey issueKey(String organizationId) {
        return issueKey(organizationId, RandomIds.apiKey(), RandomIds.secret());
    }

    /** Issues a key with a given {@code api_key} and secret (the demo keys). */
    public IssuedKey issueKey(String organizationId, String apiKey, String secret) {
        organization(organizationId);
        if (em.find(ApiKey.class, apiKey) != null) {
            throw new ConflictException("API key " + apiKey + " already exists");
        }
        ApiKey key = new ApiKey(apiKey, organizationId, keyring.box().seal(apiKey, secret), now());
        em.persist(key);
        em.flush();
        LOG.info(() -> "Issued API key " + apiKey + " for organization " + organizationId);
        return new IssuedKey(apiKey, secret, organizationId, key.getCreatedAt());
    }

    /** The organization's keys (revoked ones included), oldest first. */
    public List<KeyView> keys(String organizationId) {
        organization(organizationId);
        return em.createNamedQuery("ApiKey.byOrganization", ApiKey.class)
                .setParameter("org", organizationId)
                .setMaxResults(MAX_LIST)
                .getResultStream()
                .map(KeyView::of)
                .toList();
    }

    public KeyView key(String apiKey) {
        return KeyView.of(apiKey(apiKey));
    }

    /**
     * Revokes a key (idempotent: the first revocation time stays) and, after commit, closes every
     * connection authenticated with it on every node; asking again closes any that are still open.
     */
    public KeyView revoke(String apiKey) {
        ApiKey key = apiKey(apiKey);
        if (key.revoke(now())) {
            LOG.info(() -> "Revoked API key " + apiKey + " of organization " + key.getOrganizationId());
        }
        events.fire(new HeraldEvent(OrdersKeys.PRODUCT, OrdersKeys.KEY_REVOKED,
                JSON.createObjectBuilder().add("api_key", apiKey).build(), Set.of(OrdersKeys.apiKey(apiKey)), false));
        return KeyView.of(key);
    }

    private Organization organization(String id) {
        Organization organization = id == null || id.length() > 40 ? null : em.find(Organization.class, id);
        if (organization == null) {
            throw new UnknownRecordException("Organization " + id + " not found");
        }
        return organization;
    }

    private ApiKey apiKey(String apiKey) {
        ApiKey key = apiKey == null || apiKey.length() > 64 ? null : em.find(ApiKey.class, apiKey);
        if (key == null) {
            throw new UnknownRecordException("API key " + apiKey + " not found");
        }
        return key;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
