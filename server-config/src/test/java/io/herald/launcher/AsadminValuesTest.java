package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsadminValuesTest {

    @Test
    void escapesBackslashColonAndEquals() {
        assertEquals("jdbc\\:h2\\:mem\\:herald;DB_CLOSE_DELAY\\=-1", AsadminValues.escape("jdbc:h2:mem:herald;DB_CLOSE_DELAY=-1"));
        assertEquals("C\\:\\\\data\\\\herald", AsadminValues.escape("C:\\data\\herald"));
        // a backslash is escaped once, not again as part of the escapes added for : and =
        assertEquals("a\\\\\\:b", AsadminValues.escape("a\\:b"));
    }

    @Test
    void otherTextIsUnchanged() {
        assertEquals("s3cr3t!;@#$%()", AsadminValues.escape("s3cr3t!;@#$%()"));
        assertEquals("", AsadminValues.escape(""));
    }

    @Test
    void propertiesAreJoinedWithColonsInOrder() {
        assertEquals("ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"
                        + ":ConnectionParameters=host\\=127.0.0.1;port\\=61616:UserName=herald",
                AsadminValues.properties(AsadminValues.map(
                        "ConnectorClassName", "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory",
                        "ConnectionParameters", "host=127.0.0.1;port=61616",
                        "UserName", "herald")));
    }

    @Test
    void emptyParenthesesPassThroughAsAsadminsEmptyValue() {
        assertEquals("user=sa:password=()", AsadminValues.properties(AsadminValues.map("user", "sa", "password", "()")));
        assertEquals("password=(x)", AsadminValues.properties(AsadminValues.map("password", "(x)")));
    }

    @Test
    void nullValuesAreLeftOut() {
        assertEquals("url=jdbc\\:h2\\:mem\\:x", AsadminValues.properties(AsadminValues.map(
                "UserName", null, "url", "jdbc:h2:mem:x", "Password", null)));
        assertEquals("", AsadminValues.properties(AsadminValues.map("UserName", null)));
    }

    @Test
    void noPropertiesIsEmpty() {
        assertEquals("", AsadminValues.properties(Map.of()));
    }

    @Test
    void mapKeepsTheOrderAndAllowsNulls() {
        Map<String, String> m = AsadminValues.map("b", "1", "a", null, "c", "3");

        assertEquals(List.of("b", "a", "c"), List.copyOf(m.keySet()));
        assertEquals(null, m.get("a"));
        assertEquals("3", m.get("c"));
    }
}
