package io.herald.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {

    /** An endless body of 'x' that counts what was taken from it. */
    static final class Endless extends ServletInputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'x');
            taken += len;
            return len;
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
        }
    }

    static ServletInputStream of(byte[] bytes) {
        InputStream in = new java.io.ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
            }
        };
    }

    @Test
    void aBodyUpToTheLimitReadsWhole() throws IOException {
        byte[] body = "{\"a\":1}".getBytes();
        assertArrayEquals(body, new LimitedInputStream(of(body), body.length).readAllBytes());
    }

    @Test
    void anEndlessBodyStopsOneBytePastTheLimit() {
        Endless endless = new Endless();
        LimitedInputStream cut = new LimitedInputStream(endless, 1024);
        RequestBodyTooLargeException e = assertThrows(RequestBodyTooLargeException.class, cut::readAllBytes);
        assertEquals(1024, e.limit());
        assertTrue(endless.taken <= 1025, "read " + endless.taken);
        assertThrows(RequestBodyTooLargeException.class, cut::read, "and on every later read");
    }

    @Test
    void singleByteReadsCountToo() throws IOException {
        LimitedInputStream cut = new LimitedInputStream(new Endless(), 3);
        cut.read();
        cut.read();
        cut.read();
        assertThrows(RequestBodyTooLargeException.class, cut::read);
    }

    @Test
    void theOverflowIsFoundBehindWrappers() {
        Exception wrapped = new RuntimeException(new jakarta.servlet.ServletException(new RequestBodyTooLargeException(5)));
        assertEquals(5, RequestBodyTooLargeException.in(wrapped).orElseThrow().limit());
        assertTrue(RequestBodyTooLargeException.in(new IOException("other")).isEmpty());
    }
}
