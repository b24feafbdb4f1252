package io.herald.commerce.control;

import io.herald.commerce.entity.BackOfficeUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Optional;

/** Back-office users: creation with a PBKDF2 password hash, and credential checks. */
@Stateless
public class BackOffice {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    /** The user whose e-mail and password match, if any. */
    public Optional<BackOfficeUser> authenticate(String email, String password) {
        if (email == null || password == null) {
            return Optional.empty();
        }
        return byEmail(email).filter(u -> passwordHash.verify(password.toCharArray(), u.getPasswordHash()));
    }

    public Optional<BackOfficeUser> find(long id) {
        return Optional.ofNullable(em.find(BackOfficeUser.class, id));
    }

    public BackOfficeUser createUser(String email, String name, String password) {
        BackOfficeUser user = new BackOfficeUser(email, name, passwordHash.generate(password.toCharArray()));
        em.persist(user);
        return user;
    }

    public Optional<BackOfficeUser> byEmail(String email) {
        return em.createNamedQuery("BackOfficeUser.byEmail", BackOfficeUser.class)
                .setParameter("email", BackOfficeUser.normalize(email))
                .getResultStream()
                .findFirst();
    }
}
