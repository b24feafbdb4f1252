package io.herald.operations.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.herald.publish.control.EventIntake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every product's AsyncAPI document parses without errors with the AsyncAPI Initiative's parser
 * ({@code @asyncapi/parser}, installed into {@code web/node_modules} by {@code npm ci} in
 * generate-test-resources), run by {@code src/test/asyncapi/validate.mjs} with Node.js. The
 * {@code node} executable is taken from the PATH, or from {@code -Dherald.node=/path/to/node}.
 */
class AsyncApiDocumentsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("src/test/asyncapi/validate.mjs");
    private static final Path DOCUMENTS = MODULE.resolve("src/main/resources/asyncapi");

    @Test
    void everyDocumentIsValidAsyncApi300() throws Exception {
        assertTrue(Files.isRegularFile(SCRIPT), "run the test in the web module (no " + SCRIPT + ")");
        if (!Files.isDirectory(MODULE.resolve("node_modules/@asyncapi/parser"))) {
            fail("@asyncapi/parser is not installed in " + MODULE.resolve("node_modules")
                    + ": run 'npm ci' in web/ (mvn does it in generate-test-resources unless -Dherald.asyncapi.npm.skip=true)");
        }
        List<String> command = new ArrayList<>(List.of(System.getProperty("herald.node", "node"), SCRIPT.toString(), DOCUMENTS.toString()));
        command.addAll(new TreeSet<>(EventIntake.PRODUCTS));
        Process node;
        try {
            node = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("Node.js is needed to validate the AsyncAPI documents, but '" + command.get(0) + "' cannot be run (" + e.getMessage()
                    + "). Install Node.js 18 or later (CI does), or point -Dherald.node at it.");
            return;
        }
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(2, TimeUnit.MINUTES)) {
            node.destroyForcibly();
            fail("validate.mjs did not finish within 2 minutes:\n" + output);
        }
        System.out.print(output);
        assertEquals(0, node.exitValue(), () -> "AsyncAPI validation failed (" + String.join(" ", command) + "):\n" + output);
    }
}
