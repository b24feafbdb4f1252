package io.herald.socket;

import java.nio.charset.StandardCharsets;

/**
 * One text frame on its way to a client, with its size in UTF-8 bytes computed once. An event's
 * frame is built once per wire format and shared by every session of that format.
 */
public record OutgoingFrame(String text, int bytes) {

    public static OutgoingFrame of(String text) {
        return new OutgoingFrame(text, utf8Length(text));
    }

    static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 2; // with its low surrogate: 4 bytes for 2 chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
