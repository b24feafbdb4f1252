package io.herald.commerce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommerceChannelsTest {

    @ParameterizedTest
    @CsvSource({
        "order_changes, commerce:order_changes",
        "product_changes, commerce:product_changes",
        "customer_changes, commerce:customer_changes",
        "shipment_changes, commerce:shipment_changes",
        "transaction_changes, commerce:transaction_changes"
    })
    void everyDocumentedChannelHasItsRoutingKey(String channel, String key) {
        assertEquals(Optional.of(key), CommerceChannels.routingKey(channel));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "order", "orders_changes", "user_changes", "_changes", "Order_changes",
        "order_changes ", "order_change", "commerce:order_changes", "order_changes_changes"})
    void anyOtherChannelIsUnknown(String channel) {
        assertEquals(Optional.empty(), CommerceChannels.routingKey(channel));
    }

    @ParameterizedTest
    @CsvSource({"order, commerce:order_changes", "transaction, commerce:transaction_changes"})
    void entityEventsCarryTheKeyOfTheirChannel(String entity, String key) {
        assertEquals(key, CommerceChannels.keyOfEntity(entity));
        assertEquals(Optional.of(key), CommerceChannels.routingKey(entity + "_changes"));
    }
}
