package io.herald.commerce.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** A commerce customer; its changes are published as customer:created|updated|deleted. */
@Entity
@Table(name = "commerce_customer")
@NamedQuery(name = "Customer.all", query = "SELECT e FROM Customer e ORDER BY e.id")
public class Customer extends CommerceRecord {

    @Id
    @SequenceGenerator(name = "commerce_customer_seq", sequenceName = "commerce_customer_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commerce_customer_seq")
    private Long id;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "first_name", length = 100)
    private String firstName;

    @Column(name = "last_name", length = 100)
    private String lastName;

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    @Override
    public String eventName() {
        return "customer";
    }

    @Override
    public Map<String, Object> wireState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", id);
        state.put("email", email);
        state.put("first_name", firstName);
        state.put("last_name", lastName);
        return state;
    }
}
