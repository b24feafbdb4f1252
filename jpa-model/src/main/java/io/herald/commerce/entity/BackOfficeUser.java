package io.herald.commerce.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Objects;

/** A back-office user who logs in to the commerce API. Only a PBKDF2 hash of the password is kept. */
@Entity
@Table(name = "commerce_user")
@NamedQuery(name = "BackOfficeUser.byEmail", query = "SELECT u FROM BackOfficeUser u WHERE u.email = :email")
public class BackOfficeUser {

    @Id
    @SequenceGenerator(name = "commerce_user_seq", sequenceName = "commerce_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commerce_user_seq")
    private Long id;

    @Column(name = "email", nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "display_name", length = 100)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    protected BackOfficeUser() {
    }

    public BackOfficeUser(String email, String name, String passwordHash) {
        this.email = normalize(Objects.requireNonNull(email, "email"));
        this.name = name;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** E-mail addresses are compared case-insensitively. */
    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }
}
