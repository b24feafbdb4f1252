/**
 * The launcher of herald.jar. It uses only JDK classes: it unpacks the bundled runtime and
 * application to a private work folder and starts {@link io.herald.launcher.boot.EmbeddedGateway}
 * in a class loader over them.
 */
package io.herald.launcher;
