/**
 * Boots the embedded default inside the bundle's class loader: an embedded Artemis broker on
 * loopback (unless an external broker is configured), then Payara Micro with the resource
 * adapter configuration, the JDBC pool, the RAR and the WAR.
 */
package io.herald.launcher.boot;
