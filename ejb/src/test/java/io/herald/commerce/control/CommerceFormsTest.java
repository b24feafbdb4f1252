package io.herald.commerce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.change.entity.TrackedEntity;
import io.herald.commerce.entity.CommerceOrder;
import io.herald.commerce.entity.Customer;
import io.herald.commerce.entity.PaymentTransaction;
import io.herald.commerce.entity.Product;
import io.herald.commerce.entity.Shipment;
import io.herald.common.control.InvalidInputException;
import io.herald.common.control.JsonInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommerceFormsTest {

    /** The reference checks a form asked for, as "Type field id". */
    private final List<String> checked = new ArrayList<>();
    private final CommerceForms.References refs = (type, field, id) -> checked.add(type.getSimpleName() + " " + field + " " + id);
    private final CommerceForms.References nothingExists = (type, field, id) -> {
        throw new InvalidInputException(field + " " + id + " does not exist");
    };

    private static JsonInput json(String text) {
        return JsonInput.parse(text.replace('\'', '"'));
    }

    private static Map<String, Object> state(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static TrackedEntity create(CommerceKind kind, String input, CommerceForms.References refs) {
        return kind.form().create(json(input), refs);
    }

    private static void assertInvalid(String message, Executable executable) {
        var e = assertThrows(InvalidInputException.class, executable);
        assertEquals(message, e.getMessage());
    }

    // --- kinds

    @ParameterizedTest
    @CsvSource({
        "customers, CUSTOMERS, Customer, Customer",
        "products, PRODUCTS, Product, Product",
        "orders, ORDERS, Order, CommerceOrder",
        "shipments, SHIPMENTS, Shipment, Shipment",
        "transactions, TRANSACTIONS, Transaction, PaymentTransaction"
    })
    void eachCollectionHasItsKind(String collection, CommerceKind kind, String label, String entity) {
        assertEquals(Optional.of(kind), CommerceKind.ofCollection(collection));
        assertEquals(collection, kind.collection());
        assertEquals(label, kind.label());
        assertEquals(entity, kind.entityClass().getSimpleName());
    }

    @Test
    void unknownCollectionsHaveNoKind() {
        assertEquals(Optional.empty(), CommerceKind.ofCollection("users"));
        assertEquals(Optional.empty(), CommerceKind.ofCollection("Orders"));
        assertEquals(Optional.empty(), CommerceKind.ofCollection(null));
    }

    @Test
    void formsAcceptTheDocumentedFields() {
        assertEquals(Set.of("email", "first_name", "last_name"), CommerceKind.CUSTOMERS.form().fields());
        assertEquals(Set.of("name", "sku", "status", "price", "stock"), CommerceKind.PRODUCTS.form().fields());
        assertEquals(Set.of("order_number", "status", "payment_status", "total", "customer_id", "currency"),
                CommerceKind.ORDERS.form().fields());
        assertEquals(Set.of("order_id", "tracking_number", "status", "carrier"), CommerceKind.SHIPMENTS.form().fields());
        assertEquals(Set.of("order_id", "type", "status", "amount", "gateway"), CommerceKind.TRANSACTIONS.form().fields());
    }

    @Test
    void everyFormCreatesTheEntityOfItsKind() {
        assertEquals(Customer.class, create(CommerceKind.CUSTOMERS, "{'email':'ada@example.com'}", refs).getClass());
        assertEquals(Product.class, create(CommerceKind.PRODUCTS, "{'name':'Mug','sku':'M-1','price':1}", refs).getClass());
        assertEquals(CommerceOrder.class, create(CommerceKind.ORDERS, "{'total':1}", refs).getClass());
        assertEquals(Shipment.class, create(CommerceKind.SHIPMENTS, "{'order_id':1}", refs).getClass());
        assertEquals(PaymentTransaction.class, create(CommerceKind.TRANSACTIONS, "{'order_id':1,'amount':1}", refs).getClass());
    }

    // --- customers

    @Test
    void customerCreate() {
        var c = create(CommerceKind.CUSTOMERS, "{'email':' ada@example.com ','first_name':'Ada','last_name':'Lovelace'}", refs);

        assertEquals(state("id", null, "email", "ada@example.com", "first_name", "Ada", "last_name", "Lovelace"), c.wireState());
        assertEquals(List.of(), checked);
    }

    @Test
    void customerNeedsAnEmailAddress() {
        assertInvalid("email is required", () -> create(CommerceKind.CUSTOMERS, "{'first_name':'Ada'}", refs));
        assertInvalid("email is required", () -> create(CommerceKind.CUSTOMERS, "{'email':' '}", refs));
        assertInvalid("email must be an e-mail address", () -> create(CommerceKind.CUSTOMERS, "{'email':'ada'}", refs));
        assertInvalid("email must be an e-mail address", () -> create(CommerceKind.CUSTOMERS, "{'email':'ada@example'}", refs));
        assertInvalid("email must be an e-mail address", () -> create(CommerceKind.CUSTOMERS, "{'email':'a da@example.com'}", refs));
        assertInvalid("email must be at most 254 characters",
                () -> create(CommerceKind.CUSTOMERS, "{'email':'" + "a".repeat(250) + "@b.com'}", refs));
    }

    @Test
    void customerNamesAreLimited() {
        assertInvalid("first_name must be at most 100 characters",
                () -> create(CommerceKind.CUSTOMERS, "{'email':'a@b.c','first_name':'" + "x".repeat(101) + "'}", refs));
    }

    @Test
    void customerPatchChangesOnlyTheGivenFields() {
        Customer c = (Customer) create(CommerceKind.CUSTOMERS, "{'email':'ada@example.com','first_name':'Ada','last_name':'Lovelace'}", refs);

        CommerceKind.CUSTOMERS.form().apply(c, json("{'last_name':null}"), refs);

        assertEquals(state("id", null, "email", "ada@example.com", "first_name", "Ada", "last_name", null), c.wireState());
        assertInvalid("email is required", () -> CommerceKind.CUSTOMERS.form().apply(c, json("{'email':null}"), refs));
    }

    // --- products

    @Test
    void productDefaultsToADraftWithoutStock() {
        var p = create(CommerceKind.PRODUCTS, "{'name':'Ceramic Mug','sku':'SKU-MUG-1','price':9.9}", refs);

        assertEquals(state("id", null, "name", "Ceramic Mug", "sku", "SKU-MUG-1", "status", "draft",
                "price", new BigDecimal("9.90"), "stock", 0), p.wireState());
    }

    @Test
    void productTakesStatusAndStock() {
        var p = create(CommerceKind.PRODUCTS, "{'name':'Milk','sku':'SKU-MILK-1','price':2.49,'status':'published','stock':120}", refs);

        assertEquals("published", p.wireState().get("status"));
        assertEquals(120, p.wireState().get("stock"));
    }

    @Test
    void productRules() {
        assertInvalid("name is required", () -> create(CommerceKind.PRODUCTS, "{'sku':'S','price':1}", refs));
        assertInvalid("sku is required", () -> create(CommerceKind.PRODUCTS, "{'name':'N','price':1}", refs));
        assertInvalid("price is required", () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'S'}", refs));
        assertInvalid("price must not be negative", () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'S','price':-1}", refs));
        assertInvalid("price must have at most two decimals",
                () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'S','price':1.999}", refs));
        assertInvalid("status must be one of archived, draft, published",
                () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'S','price':1,'status':'sold'}", refs));
        assertInvalid("stock must not be negative",
                () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'S','price':1,'stock':-5}", refs));
        assertInvalid("stock must be a whole number",
                () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'S','price':1,'stock':1.5}", refs));
        assertInvalid("sku must be at most 64 characters",
                () -> create(CommerceKind.PRODUCTS, "{'name':'N','sku':'" + "s".repeat(65) + "','price':1}", refs));
    }

    @Test
    void productPatchKeepsOtherFields() {
        Product p = (Product) create(CommerceKind.PRODUCTS, "{'name':'Mug','sku':'M-1','price':5,'stock':3}", refs);

        CommerceKind.PRODUCTS.form().apply(p, json("{'stock':2,'status':'archived'}"), refs);

        assertEquals(state("id", null, "name", "Mug", "sku", "M-1", "status", "archived",
                "price", new BigDecimal("5.00"), "stock", 2), p.wireState());
        assertInvalid("name is required", () -> CommerceKind.PRODUCTS.form().apply(p, json("{'name':''}"), refs));
    }

    // --- orders

    @Test
    void orderDefaults() {
        var o = create(CommerceKind.ORDERS, "{'total':99.99}", refs).wireState();

        assertEquals("pending", o.get("status"));
        assertEquals("pending", o.get("payment_status"));
        assertEquals("USD", o.get("currency"));
        assertEquals(new BigDecimal("99.99"), o.get("total"));
        assertEquals(null, o.get("customer_id"));
        assertTrue(((String) o.get("order_number")).matches("ORD-\\d{16}"), (String) o.get("order_number"));
        assertEquals(List.of(), checked);
    }

    @Test
    void orderTakesEveryField() {
        var o = create(CommerceKind.ORDERS,
                "{'order_number':'ORD-7','status':'processing','payment_status':'paid','total':24.9,'customer_id':45,'currency':'EUR'}", refs);

        assertEquals(state("id", null, "order_number", "ORD-7", "status", "processing", "payment_status", "paid",
                "total", new BigDecimal("24.90"), "customer_id", 45L, "currency", "EUR"), o.wireState());
        assertEquals(List.of("Customer customer_id 45"), checked);
    }

    @Test
    void orderForAnUnknownCustomerIsRejected() {
        assertInvalid("customer_id 45 does not exist",
                () -> create(CommerceKind.ORDERS, "{'total':1,'customer_id':45}", nothingExists));
    }

    @Test
    void orderRules() {
        assertInvalid("total is required", () -> create(CommerceKind.ORDERS, "{'currency':'USD'}", refs));
        assertInvalid("status must be one of cancelled, completed, delivered, pending, processing, refunded, shipped",
                () -> create(CommerceKind.ORDERS, "{'total':1,'status':'lost'}", refs));
        assertInvalid("payment_status must be one of authorized, failed, paid, pending, refunded",
                () -> create(CommerceKind.ORDERS, "{'total':1,'payment_status':'free'}", refs));
        assertInvalid("currency must be a three-letter ISO 4217 code such as USD",
                () -> create(CommerceKind.ORDERS, "{'total':1,'currency':'usd'}", refs));
        assertInvalid("currency must be a three-letter ISO 4217 code such as USD",
                () -> create(CommerceKind.ORDERS, "{'total':1,'currency':'U1D'}", refs));
        assertInvalid("currency must be at most 3 characters",
                () -> create(CommerceKind.ORDERS, "{'total':1,'currency':'EURO'}", refs));
        assertInvalid("customer_id must be a positive id",
                () -> create(CommerceKind.ORDERS, "{'total':1,'customer_id':0}", refs));
        assertInvalid("order_number must be at most 40 characters",
                () -> create(CommerceKind.ORDERS, "{'total':1,'order_number':'" + "9".repeat(41) + "'}", refs));
        assertEquals(List.of(), checked);
    }

    @Test
    void orderPatchChecksANewCustomer() {
        CommerceOrder o = (CommerceOrder) create(CommerceKind.ORDERS, "{'total':10,'order_number':'ORD-1'}", refs);

        CommerceKind.ORDERS.form().apply(o, json("{'status':'shipped','customer_id':9}"), refs);

        assertEquals("shipped", o.getStatus());
        assertEquals(9L, o.getCustomerId());
        assertEquals("ORD-1", o.getOrderNumber());
        assertEquals(new BigDecimal("10.00"), o.getTotal());
        assertEquals(List.of("Customer customer_id 9"), checked);
    }

    // --- shipments

    @Test
    void shipmentDefaultsToPendingAndChecksItsOrder() {
        var s = create(CommerceKind.SHIPMENTS, "{'order_id':7,'carrier':'UPS','tracking_number':'1Z999'}", refs);

        assertEquals(state("id", null, "order_id", 7L, "tracking_number", "1Z999", "status", "pending", "carrier", "UPS"), s.wireState());
        assertEquals(List.of("CommerceOrder order_id 7"), checked);
    }

    @Test
    void shipmentRules() {
        assertInvalid("order_id is required", () -> create(CommerceKind.SHIPMENTS, "{'carrier':'UPS'}", refs));
        assertInvalid("order_id must be a positive id", () -> create(CommerceKind.SHIPMENTS, "{'order_id':-1}", refs));
        assertInvalid("order_id 7 does not exist", () -> create(CommerceKind.SHIPMENTS, "{'order_id':7}", nothingExists));
        assertInvalid("status must be one of cancelled, delivered, in_transit, pending, returned, shipped",
                () -> create(CommerceKind.SHIPMENTS, "{'order_id':7,'status':'lost'}", refs));
        assertInvalid("carrier must be at most 50 characters",
                () -> create(CommerceKind.SHIPMENTS, "{'order_id':7,'carrier':'" + "c".repeat(51) + "'}", refs));
    }

    // --- transactions

    @Test
    void transactionDefaultsToAPendingPayment() {
        var t = create(CommerceKind.TRANSACTIONS, "{'order_id':3,'amount':99.99,'gateway':'stripe'}", refs);

        assertEquals(state("id", null, "order_id", 3L, "type", "payment", "status", "pending",
                "amount", new BigDecimal("99.99"), "gateway", "stripe"), t.wireState());
        assertEquals(List.of("CommerceOrder order_id 3"), checked);
    }

    @Test
    void transactionRules() {
        assertInvalid("order_id is required", () -> create(CommerceKind.TRANSACTIONS, "{'amount':1}", refs));
        assertInvalid("amount is required", () -> create(CommerceKind.TRANSACTIONS, "{'order_id':1}", refs));
        assertInvalid("type must be one of authorization, capture, payment, refund",
                () -> create(CommerceKind.TRANSACTIONS, "{'order_id':1,'amount':1,'type':'gift'}", refs));
        assertInvalid("status must be one of cancelled, completed, failed, pending",
                () -> create(CommerceKind.TRANSACTIONS, "{'order_id':1,'amount':1,'status':'paid'}", refs));
        assertInvalid("order_id 1 does not exist",
                () -> create(CommerceKind.TRANSACTIONS, "{'order_id':1,'amount':1}", nothingExists));
    }

    @Test
    void kindsAreTheFiveDocumentedCollections() {
        assertEquals(List.of("customers", "products", "orders", "shipments", "transactions"),
                Arrays.stream(CommerceKind.values()).map(CommerceKind::collection).toList());
    }
}
