package io.herald.launcher;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the few JSON values the launcher needs (strings, numbers, booleans, lists, maps)
 * without a JSON library.
 */
final class MiniJson {

    private MiniJson() {
    }

    /**
     * Reads one JSON value: an object as a {@code Map<String, Object>} in document order, an array as
     * a {@code List<Object>}, a number as a {@link BigDecimal}, {@code null} for null.
     * @throws IllegalArgumentException when the text is not exactly one JSON value
     */
    static Object read(String text) {
        Reader reader = new Reader(text);
        Object value = reader.value(0);
        reader.skipSpace();
        if (reader.at < text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    /** The member {@code name} of {@code value} when it is an object, else {@code null}. */
    static Object member(Object value, String name) {
        return value instanceof Map<?, ?> map ? map.get(name) : null;
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, e.getKey().toString());
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                append(out, item);
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Reader {

        private static final int MAX_DEPTH = 200;
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            skipSpace();
            if (at >= text.length()) {
                throw error("a value is missing");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (next('}')) {
                return map;
            }
            do {
                skipSpace();
                if (at >= text.length() || text.charAt(at) != '"') {
                    throw error("a member name is missing");
                }
                String name = string();
                skipSpace();
                expect(':');
                map.put(name, value(depth + 1));
                skipSpace();
            } while (next(','));
            expect('}');
            return map;
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (next(']')) {
                return list;
            }
            do {
                list.add(value(depth + 1));
                skipSpace();
            } while (next(','));
            expect(']');
            return list;
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("a control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escape = text.charAt(at++);
                switch (escape) {
                    case '"', '\\', '/' -> out.append(escape);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("a short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException e) {
                            throw error("a bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("a bad escape \\" + escape);
                }
            }
            throw error("an unterminated string");
        }

        private Object word(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("an unknown word");
            }
            at += word.length();
            return value;
        }

        private BigDecimal number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return new BigDecimal(text.substring(start, at));
            } catch (NumberFormatException e) {
                at = start;
                throw error("not a JSON value");
            }
        }

        void skipSpace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean next(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!next(c)) {
                throw error("'" + c + "' expected");
            }
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Invalid JSON at character " + at + ": " + problem);
        }
    }
}
