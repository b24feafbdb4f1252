package io.herald.delivery.control;

import java.util.ArrayList;
import java.util.List;

/** A subscriber that remembers what it was handed; identity is the object, as for real sessions. */
class RecordingSubscriber implements Subscriber {

    final String id;
    final List<Delivery> received = new ArrayList<>();
    final List<String> closes = new ArrayList<>();

    RecordingSubscriber(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void deliver(Delivery delivery) {
        received.add(delivery);
    }

    @Override
    public void close(int code, String reason) {
        closes.add(code + " " + reason);
    }

    List<Long> receivedIds() {
        return received.stream().map(d -> d.event().id()).toList();
    }

    List<String> wireIds() {
        return received.stream().map(d -> d.event().wireId()).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
