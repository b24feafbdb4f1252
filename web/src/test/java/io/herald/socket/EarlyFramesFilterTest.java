package io.herald.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyFramesFilterTest {

    /** A container stream that, like Payara's, calls the listener at once when data is waiting. */
    static final class Container extends ServletInputStream {
        final List<String> events = new ArrayList<>();

        @Override
        public void setReadListener(ReadListener listener) {
            events.add("registered");
            try {
                listener.onDataAvailable();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
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
        public int read() {
            return 'x';
        }
    }

    @Test
    void theListenerReachesTheContainerOnlyWhenReleasedAndThenAsItIs() throws Exception {
        Container container = new Container();
        EarlyFramesFilter.DeferredListener in = new EarlyFramesFilter.DeferredListener(container);
        List<String> heard = new ArrayList<>();
        ReadListener tyrus = new ReadListener() {
            @Override
            public void onDataAvailable() {
                heard.add("data");
            }

            @Override
            public void onAllDataRead() {
            }

            @Override
            public void onError(Throwable t) {
            }
        };

        in.setReadListener(tyrus); // inside Tyrus' init: kept, so it cannot wait for itself
        assertEquals(List.of(), container.events);
        assertEquals(List.of(), heard);

        in.release(); // init has returned
        assertEquals(List.of("registered"), container.events);
        assertEquals(List.of("data"), heard);
        assertEquals('x', in.read(), "reads go to the container's stream");
    }
}
