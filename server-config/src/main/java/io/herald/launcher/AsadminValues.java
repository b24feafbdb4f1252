package io.herald.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Builds asadmin {@code --property} arguments: {@code a=1:b=2}, with {@code \}, {@code :} and {@code =} escaped in values. */
public final class AsadminValues {

    private AsadminValues() {
    }

    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }

    /** Properties with non-null values joined as asadmin expects them. */
    public static String properties(Map<String, String> properties) {
        StringJoiner joined = new StringJoiner(":");
        properties.forEach((k, v) -> {
            if (v != null) {
                joined.add(k + "=" + ("()".equals(v) ? v : escape(v)));
            }
        });
        return joined.toString();
    }

    public static Map<String, String> map(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
