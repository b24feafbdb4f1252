package io.herald.common.control;

/**
 * The demo-mode switch as the application reads it (the launcher reads the same key for its banner
 * and defaults): demo data, the admin page's demo sign-in, the development key of the order-status
 * secrets said at INFO. On unless set to false.
 */
public final class DemoMode {

    /** The MicroProfile Config key; {@code HERALD_DEMO_ENABLED} as an environment variable. */
    public static final String ENABLED = "herald.demo.enabled";
    /** Its default, as {@code @ConfigProperty(defaultValue)} takes it. */
    public static final String DEFAULT = "true";

    private DemoMode() {
    }
}
