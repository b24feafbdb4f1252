package io.herald.launcher;

/** Why {@code listen} stops: a one-line message for the user and the process exit code. */
final class ListenFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    ListenFailure(String message) {
        this(message, 1);
    }

    ListenFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
