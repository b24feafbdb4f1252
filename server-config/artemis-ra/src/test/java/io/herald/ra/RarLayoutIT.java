package io.herald.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The resource adapter archive: every class its ra.xml names is inside, and no Jakarta API jar that the server provides. */
class RarLayoutIT {

    private static Set<String> classesInside(JarFile rar) throws Exception {
        Set<String> classes = new HashSet<>();
        for (var entry : java.util.Collections.list(rar.entries())) {
            if (!entry.getName().endsWith(".jar")) {
                continue;
            }
            try (ZipInputStream jar = new ZipInputStream(rar.getInputStream(entry))) {
                for (ZipEntry e; (e = jar.getNextEntry()) != null; ) {
                    if (e.getName().endsWith(".class")) {
                        classes.add(e.getName().replace('/', '.').replaceAll("\\.class$", ""));
                    }
                }
            }
        }
        return classes;
    }

    @Test
    void everyClassNamedByRaXmlIsPackaged() throws Exception {
        try (JarFile rar = new JarFile(System.getProperty("archive"))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document ra;
            try (InputStream in = rar.getInputStream(rar.getEntry("META-INF/ra.xml"))) {
                ra = factory.newDocumentBuilder().parse(in);
            }
            Set<String> classes = classesInside(rar);
            int checked = 0;
            for (String tag : List.of("resourceadapter-class", "managedconnectionfactory-class", "connectionfactory-interface",
                    "connectionfactory-impl-class", "connection-impl-class", "activationspec-class", "adminobject-class")) {
                NodeList nodes = ra.getElementsByTagNameNS("*", tag);
                for (int i = 0; i < nodes.getLength(); i++) {
                    String name = nodes.item(i).getTextContent().trim();
                    assertTrue(classes.contains(name), tag + " " + name + " is not in the RAR");
                    checked++;
                }
            }
            assertEquals(8, checked);
        }
    }

    @Test
    void serverProvidedApisAreNotBundled() throws Exception {
        try (JarFile rar = new JarFile(System.getProperty("archive"))) {
            for (var entry : java.util.Collections.list(rar.entries())) {
                String name = entry.getName();
                assertFalse(name.startsWith("jakarta.") || name.contains("jms-api") || name.contains("transaction-api") || name.contains("json-api"),
                        "the server provides " + name);
            }
        }
    }
}
