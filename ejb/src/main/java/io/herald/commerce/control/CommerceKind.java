package io.herald.commerce.control;

import io.herald.change.entity.TrackedEntity;
import io.herald.commerce.entity.CommerceOrder;
import io.herald.commerce.entity.Customer;
import io.herald.commerce.entity.PaymentTransaction;
import io.herald.commerce.entity.Product;
import io.herald.commerce.entity.Shipment;
import java.util.Arrays;
import java.util.Optional;

/** The five REST collections of the commerce API, each with its entity and form. */
public enum CommerceKind {
    CUSTOMERS("customers", "Customer", Customer.class, new CommerceForms.CustomerForm()),
    PRODUCTS("products", "Product", Product.class, new CommerceForms.ProductForm()),
    ORDERS("orders", "Order", CommerceOrder.class, new CommerceForms.OrderForm()),
    SHIPMENTS("shipments", "Shipment", Shipment.class, new CommerceForms.ShipmentForm()),
    TRANSACTIONS("transactions", "Transaction", PaymentTransaction.class, new CommerceForms.TransactionForm());

    private final String collection;
    private final String label;
    private final Class<? extends TrackedEntity> entityClass;
    private final CommerceForms.Form<? extends TrackedEntity> form;

    CommerceKind(String collection, String label, Class<? extends TrackedEntity> entityClass,
                 CommerceForms.Form<? extends TrackedEntity> form) {
        this.collection = collection;
        this.label = label;
        this.entityClass = entityClass;
        this.form = form;
    }

    /** The kind served at {@code /commerce/api/<collection>}. */
    public static Optional<CommerceKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }

    public String collection() {
        return collection;
    }

    public String label() {
        return label;
    }

    public Class<? extends TrackedEntity> entityClass() {
        return entityClass;
    }

    @SuppressWarnings("unchecked")
    <T extends TrackedEntity> CommerceForms.Form<T> form() {
        return (CommerceForms.Form<T>) form;
    }
}
