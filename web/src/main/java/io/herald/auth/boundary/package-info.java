/**
 * HTTP authentication with JWTs: a Jakarta Security mechanism that verifies an
 * {@code Authorization: Bearer} token with Herald's one {@link io.herald.auth.control.TokenVerifier},
 * and the enforcement of {@code @RolesAllowed} on REST resources with JSON errors.
 */
package io.herald.auth.boundary;
