package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ShopOrderTest {

    @Test
    void anOrderIsShippedOnlyOncePaid() {
        ShopOrder order = new ShopOrder("SHOP-1", 45, new BigDecimal("99.99"), "USD");
        assertEquals("pending", order.getStatus());
        assertEquals("Order SHOP-1 is not paid", assertThrows(OrderRuleException.class, order::ship).getMessage());

        order.pay();
        assertEquals("processing", order.getStatus());
        assertEquals("paid", order.getPaymentStatus());
        order.ship();
        assertEquals("shipped", order.getStatus());
    }
}
