package io.herald.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * All REST resources; each product's sit under its own prefix ({@code /commerce/api/...}).
 * Bearer tokens are verified by {@link io.herald.auth.boundary.BearerTokenMechanism}; the
 * {@code admin} role is a token's {@code admin} group.
 */
@ApplicationPath("/")
@DeclareRoles("admin")
public class HeraldApplication extends Application {
}
