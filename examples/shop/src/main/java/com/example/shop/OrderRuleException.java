package com.example.shop;

import jakarta.ejb.ApplicationException;

/** A request the shop refuses; its transaction rolls back, so nothing of it reaches Herald. */
@ApplicationException(rollback = true)
public class OrderRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderRuleException(String message) {
        super(message);
    }
}
