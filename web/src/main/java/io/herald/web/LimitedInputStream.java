package io.herald.web;

import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that may not grow past {@code limit} bytes: reading beyond throws
 * {@link RequestBodyTooLargeException} (also on every later read). For bodies without a
 * {@code Content-Length} (chunked), which cannot be refused before they are read.
 */
final class LimitedInputStream extends ForwardingServletInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(ServletInputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        check(0);
        int b = in.read();
        if (b >= 0) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check(0);
        // never ask for more than one byte past the limit: the overflow is detected without buffering it
        int n = in.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) {
            check(n);
        }
        return n;
    }

    @Override
    public int readLine(byte[] buffer, int offset, int length) throws IOException {
        check(0);
        int n = in.readLine(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (n > 0) {
            check(n);
        }
        return n;
    }

    private void check(int more) throws RequestBodyTooLargeException {
        read += more;
        if (read > limit) {
            throw new RequestBodyTooLargeException(limit);
        }
    }
}
