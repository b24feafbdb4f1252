package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerAddressTest {

    @Test
    void hostAndPort() {
        assertEquals(new BrokerAddress("broker-host", 61617), BrokerAddress.parse("tcp://broker-host:61617"));
        assertEquals(new BrokerAddress("10.0.0.5", 5445), BrokerAddress.parse("tcp://10.0.0.5:5445"));
    }

    @Test
    void thePortDefaultsTo61616() {
        assertEquals(new BrokerAddress("broker-host", 61616), BrokerAddress.parse("tcp://broker-host"));
        assertEquals(61616, BrokerAddress.DEFAULT_PORT);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(new BrokerAddress("broker-host", 61616), BrokerAddress.parse("  tcp://broker-host:61616 "));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertEquals(new BrokerAddress("broker-host", 61616), BrokerAddress.parse("TCP://broker-host:61616"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://broker-host:61616", "amqp://broker-host:5672", "broker-host:61616", "tcp:broker-host",
        "tcp:///path", "//broker-host:61616", "tcp://", "tcp://broker host:61616", ""})
    void anythingButTcpHostIsRejectedWithTheDocumentedMessage(String url) {
        var e = assertThrows(IllegalArgumentException.class, () -> BrokerAddress.parse(url));
        assertEquals("The broker URL must look like tcp://host:61616, got: " + url, e.getMessage());
    }

    @Test
    void connectionParametersForTheResourceAdapter() {
        assertEquals("host=broker-host;port=61617", BrokerAddress.parse("tcp://broker-host:61617").connectionParameters());
        assertEquals("host=127.0.0.1;port=61616", new BrokerAddress("127.0.0.1", 61616).connectionParameters());
    }
}
