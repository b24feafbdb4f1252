package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BrokerAddressesTest {

    @Test
    void oneBrokerIsOneConnectorWithoutHa() {
        BrokerAddresses one = BrokerAddresses.parse("tcp://broker:61616");
        assertFalse(one.highlyAvailable());
        assertEquals(BrokerAddresses.NETTY, one.connectorClassNames());
        assertEquals("host=broker;port=61616", one.connectionParameters());
    }

    @Test
    void aPrimaryBackupPairIsOneConnectorPerBrokerWithHa() {
        BrokerAddresses pair = BrokerAddresses.parse("tcp://primary:61616, tcp://backup:61617");
        assertTrue(pair.highlyAvailable());
        assertEquals(BrokerAddresses.NETTY + "," + BrokerAddresses.NETTY, pair.connectorClassNames());
        assertEquals("host=primary;port=61616,host=backup;port=61617", pair.connectionParameters());
        assertEquals("primary:61616,backup:61617", pair.toString());
    }

    @Test
    void everyAddressMustBeABrokerUrl() {
        assertThrows(IllegalArgumentException.class, () -> BrokerAddresses.parse("tcp://primary:61616,http://backup"));
        assertThrows(IllegalArgumentException.class, () -> BrokerAddresses.parse(" , "));
    }
}
