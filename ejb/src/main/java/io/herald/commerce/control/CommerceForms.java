package io.herald.commerce.control;

import io.herald.change.entity.TrackedEntity;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import io.herald.commerce.entity.CommerceOrder;
import io.herald.commerce.entity.Customer;
import io.herald.commerce.entity.PaymentTransaction;
import io.herald.commerce.entity.Product;
import io.herald.commerce.entity.Shipment;
import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What each commerce collection accepts: the fields, their rules and their defaults. A form
 * applies the fields present in the input, so the same code serves POST (after defaults) and PATCH.
 */
final class CommerceForms {

    static final Set<String> ORDER_STATUSES = Set.of("pending", "processing", "shipped", "delivered", "completed", "cancelled", "refunded");
    static final Set<String> PAYMENT_STATUSES = Set.of("pending", "authorized", "paid", "failed", "refunded");
    static final Set<String> PRODUCT_STATUSES = Set.of("draft", "published", "archived");
    static final Set<String> SHIPMENT_STATUSES = Set.of("pending", "shipped", "in_transit", "delivered", "returned", "cancelled");
    static final Set<String> TRANSACTION_TYPES = Set.of("payment", "refund", "authorization", "capture");
    static final Set<String> TRANSACTION_STATUSES = Set.of("pending", "completed", "failed", "cancelled");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    /** Checks that referenced records exist. */
    interface References {
        void requireExists(Class<? extends TrackedEntity> type, String field, long id);
    }

    interface Form<T extends TrackedEntity> {
        Set<String> fields();

        /** A new entity with defaults and the input applied; required fields checked. */
        T create(JsonInput in, References refs);

        /** Applies the fields present in {@code in}. */
        void apply(T entity, JsonInput in, References refs);
    }

    private CommerceForms() {
    }

    static final class CustomerForm implements Form<Customer> {
        public Set<String> fields() {
            return Set.of("email", "first_name", "last_name");
        }

        public Customer create(JsonInput in, References refs) {
            in.requiredText("email", 254);
            Customer c = new Customer();
            apply(c, in, refs);
            return c;
        }

        public void apply(Customer c, JsonInput in, References refs) {
            if (in.has("email")) {
                String email = in.requiredText("email", 254);
                if (!EMAIL.matcher(email).matches()) {
                    throw new InvalidInputException("email must be an e-mail address");
                }
                c.setEmail(email);
            }
            if (in.has("first_name")) {
                c.setFirstName(in.text("first_name", 100));
            }
            if (in.has("last_name")) {
                c.setLastName(in.text("last_name", 100));
            }
        }
    }

    static final class ProductForm implements Form<Product> {
        public Set<String> fields() {
            return Set.of("name", "sku", "status", "price", "stock");
        }

        public Product create(JsonInput in, References refs) {
            in.requiredText("name", 200);
            in.requiredText("sku", 64);
            in.amount("price");
            Product p = new Product();
            p.setStatus("draft");
            p.setStock(0);
            apply(p, in, refs);
            return p;
        }

        public void apply(Product p, JsonInput in, References refs) {
            if (in.has("name")) {
                p.setName(in.requiredText("name", 200));
            }
            if (in.has("sku")) {
                p.setSku(in.requiredText("sku", 64));
            }
            if (in.has("status")) {
                p.setStatus(in.choice("status", PRODUCT_STATUSES));
            }
            if (in.has("price")) {
                p.setPrice(in.amount("price"));
            }
            if (in.has("stock")) {
                p.setStock(in.count("stock"));
            }
        }
    }

    static final class OrderForm implements Form<CommerceOrder> {
        public Set<String> fields() {
            return Set.of("order_number", "status", "payment_status", "total", "customer_id", "currency");
        }

        public CommerceOrder create(JsonInput in, References refs) {
            in.amount("total");
            CommerceOrder o = new CommerceOrder();
            o.setOrderNumber("ORD-" + System.currentTimeMillis() + ThreadLocalRandom.current().nextInt(100, 1000));
            o.setStatus("pending");
            o.setPaymentStatus("pending");
            o.setCurrency("USD");
            o.setTotal(BigDecimal.ZERO);
            apply(o, in, refs);
            return o;
        }

        public void apply(CommerceOrder o, JsonInput in, References refs) {
            if (in.has("order_number")) {
                o.setOrderNumber(in.requiredText("order_number", 40));
            }
            if (in.has("status")) {
                o.setStatus(in.choice("status", ORDER_STATUSES));
            }
            if (in.has("payment_status")) {
                o.setPaymentStatus(in.choice("payment_status", PAYMENT_STATUSES));
            }
            if (in.has("total")) {
                o.setTotal(in.amount("total"));
            }
            if (in.has("customer_id")) {
                long customer = in.id("customer_id");
                refs.requireExists(Customer.class, "customer_id", customer);
                o.setCustomerId(customer);
            }
            if (in.has("currency")) {
                String currency = in.requiredText("currency", 3);
                if (!CURRENCY.matcher(currency).matches()) {
                    throw new InvalidInputException("currency must be a three-letter ISO 4217 code such as USD");
                }
                o.setCurrency(currency);
            }
        }
    }

    static final class ShipmentForm implements Form<Shipment> {
        public Set<String> fields() {
            return Set.of("order_id", "tracking_number", "status", "carrier");
        }

        public Shipment create(JsonInput in, References refs) {
            in.id("order_id");
            Shipment s = new Shipment();
            s.setStatus("pending");
            apply(s, in, refs);
            return s;
        }

        public void apply(Shipment s, JsonInput in, References refs) {
            if (in.has("order_id")) {
                long order = in.id("order_id");
                refs.requireExists(CommerceOrder.class, "order_id", order);
                s.setOrderId(order);
            }
            if (in.has("tracking_number")) {
                s.setTrackingNumber(in.text("tracking_number", 100));
            }
            if (in.has("status")) {
                s.setStatus(in.choice("status", SHIPMENT_STATUSES));
            }
            if (in.has("carrier")) {
                s.setCarrier(in.text("carrier", 50));
            }
        }
    }

    static final class TransactionForm implements Form<PaymentTransaction> {
        public Set<String> fields() {
            return Set.of("order_id", "type", "status", "amount", "gateway");
        }

        public PaymentTransaction create(JsonInput in, References refs) {
            in.id("order_id");
            in.amount("amount");
            PaymentTransaction t = new PaymentTransaction();
            t.setType("payment");
            t.setStatus("pending");
            apply(t, in, refs);
            return t;
        }

        public void apply(PaymentTransaction t, JsonInput in, References refs) {
            if (in.has("order_id")) {
                long order = in.id("order_id");
                refs.requireExists(CommerceOrder.class, "order_id", order);
                t.setOrderId(order);
            }
            if (in.has("type")) {
                t.setType(in.choice("type", TRANSACTION_TYPES));
            }
            if (in.has("status")) {
                t.setStatus(in.choice("status", TRANSACTION_STATUSES));
            }
            if (in.has("amount")) {
                t.setAmount(in.amount("amount"));
            }
            if (in.has("gateway")) {
                t.setGateway(in.text("gateway", 50));
            }
        }
    }
}
