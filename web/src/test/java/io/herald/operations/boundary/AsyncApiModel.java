package io.herald.operations.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One AsyncAPI document as the tests read it (SnakeYAML maps), with the look-ups the tests need. */
final class AsyncApiModel {

    /** A component message: its key, its payload schema, and whether Herald receives or sends it. */
    record Message(String key, Map<String, Object> payload, boolean received) {

        /** The discriminator values: {@code const} (or {@code enum}) of {@code type}/{@code action}, or the payload's own {@code const}. */
        Set<String> discriminators() {
            Set<String> values = new LinkedHashSet<>();
            if (payload.get("const") instanceof String c) {
                values.add(c);
            }
            Map<String, Object> properties = map(payload.get("properties"));
            for (String field : List.of("type", "action")) {
                Map<String, Object> schema = map(properties.get(field));
                if (schema.get("const") instanceof String c) {
                    values.add(c);
                }
            }
            return values;
        }

        Set<String> properties() {
            return map(payload.get("properties")).keySet();
        }

        @SuppressWarnings("unchecked")
        List<String> required() {
            return payload.get("required") instanceof List<?> r ? (List<String>) r : List.of();
        }
    }

    private final String product;
    private final Map<String, Object> root;

    private AsyncApiModel(String product, Map<String, Object> root) {
        this.product = product;
        this.root = root;
    }

    static AsyncApiModel of(String product) {
        String resource = AsyncApiResource.FOLDER + product + ".yaml";
        try (InputStream in = AsyncApiModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no " + resource + " on the class path");
            }
            return new AsyncApiModel(product, new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String product() {
        return product;
    }

    Map<String, Object> root() {
        return root;
    }

    /** Every component message, with its direction taken from the operations that use it. */
    List<Message> messages() {
        Set<String> received = new LinkedHashSet<>();
        for (Object operation : map(root.get("operations")).values()) {
            Map<String, Object> op = map(operation);
            if ("receive".equals(op.get("action"))) {
                for (Object ref : (List<?>) op.get("messages")) {
                    received.add(componentOf((String) map(ref).get("$ref")));
                }
            }
        }
        List<Message> all = new ArrayList<>();
        map(map(root.get("components")).get("messages"))
                .forEach((key, message) -> all.add(new Message(key, map(map(message).get("payload")), received.contains(key))));
        return all;
    }

    /** {@code #/channels/c/messages/m} → the component message key its channel message refers to. */
    private String componentOf(String channelMessageRef) {
        String[] parts = channelMessageRef.split("/");
        Map<String, Object> channel = map(map(root.get("channels")).get(parts[2]));
        String ref = (String) map(map(channel.get("messages")).get(parts[4])).get("$ref");
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The values of every {@code enum} or {@code const} of a property called {@code name}, anywhere in the document. */
    Set<String> valuesOf(String name) {
        Set<String> values = new LinkedHashSet<>();
        collectEnums(root, name, values);
        return values;
    }

    /** Every property name of every schema in the document. */
    Set<String> propertyNames() {
        Set<String> names = new LinkedHashSet<>();
        collectProperties(root, names);
        return names;
    }

    /** The {@code x-close-codes} of every channel. */
    List<Map<String, Object>> closeCodes() {
        List<Map<String, Object>> codes = new ArrayList<>();
        for (Object channel : map(root.get("channels")).values()) {
            if (map(channel).get("x-close-codes") instanceof List<?> list) {
                list.forEach(c -> codes.add(map(c)));
            }
        }
        return codes;
    }

    private void collectEnums(Object node, String name, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("properties") instanceof Map<?, ?> properties && properties.get(name) instanceof Map<?, ?> schema) {
                if (schema.get("enum") instanceof List<?> values) {
                    values.forEach(v -> into.add(String.valueOf(v)));
                }
                if (schema.get("const") != null) {
                    into.add(String.valueOf(schema.get("const")));
                }
                if (schema.get("$ref") instanceof String ref) {
                    Map<String, Object> named = map(map(map(root.get("components")).get("schemas")).get(ref.substring(ref.lastIndexOf('/') + 1)));
                    if (named.get("enum") instanceof List<?> values) {
                        values.forEach(v -> into.add(String.valueOf(v)));
                    }
                }
            }
            m.values().forEach(v -> collectEnums(v, name, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectEnums(v, name, into));
        }
    }

    private static void collectProperties(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("properties") instanceof Map<?, ?> properties) {
                properties.keySet().forEach(k -> into.add(String.valueOf(k)));
            }
            m.values().forEach(v -> collectProperties(v, into));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectProperties(v, into));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
