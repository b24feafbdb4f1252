package io.herald.pos.control;

/** A request of a point-of-sale client that is refused with {@link #error()}. */
public final class PosRefused extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient PosError error;

    public PosRefused(PosError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public PosError error() {
        return error;
    }
}
