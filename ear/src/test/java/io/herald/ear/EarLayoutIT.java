package io.herald.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The EAR for full servers has the layout DESIGN.md describes. */
class EarLayoutIT {

    private final JarFile ear = open();

    private static JarFile open() {
        try {
            return new JarFile(System.getProperty("archive"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("package the EAR first", e);
        }
    }

    private String text(Document d, String tag, int index) {
        return d.getElementsByTagNameNS("*", tag).item(index).getTextContent().trim();
    }

    @Test
    void applicationXmlDeclaresTheEjbAndWebModulesAndNoConnector() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document app;
        try (InputStream in = ear.getInputStream(ear.getEntry("META-INF/application.xml"))) {
            app = factory.newDocumentBuilder().parse(in);
        }
        assertEquals("herald-ejb.jar", text(app, "ejb", 0));
        assertEquals("herald-web.war", text(app, "web-uri", 0));
        assertEquals("/", text(app, "context-root", 0));
        assertEquals(0, app.getElementsByTagNameNS("*", "connector").getLength(), "the resource adapter is deployed on the server, once");
        assertEquals("lib", text(app, "library-directory", 0));
    }

    @Test
    void sharedJarsLiveInLibAndTheWebModuleIsSkinny() throws Exception {
        for (String module : List.of("herald-ejb.jar", "herald-web.war")) {
            assertNotNull(ear.getEntry(module), module);
        }
        assertTrue(ear.stream().anyMatch(e -> e.getName().matches("lib/.*herald-jpa-model.*\\.jar")), "JPA model in lib/");
        try (ZipInputStream war = new ZipInputStream(ear.getInputStream(ear.getEntry("herald-web.war")))) {
            boolean hasClasses = false;
            for (ZipEntry e; (e = war.getNextEntry()) != null; ) {
                assertTrue(!e.getName().startsWith("WEB-INF/lib/herald-"), "skinny WAR must not carry " + e.getName());
                hasClasses |= e.getName().startsWith("WEB-INF/classes/io/herald/");
            }
            assertTrue(hasClasses, "the web module's own classes");
        }
        assertNull(ear.getEntry("lib/herald-ejb.jar"), "the EJB module is a module, not a library");
    }
}
