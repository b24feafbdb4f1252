/**
 * Token verification shared by every place a JWT can arrive (Authorization header, query
 * parameter, message): one verifier configured with MicroProfile JWT's standard keys
 * ({@code mp.jwt.verify.publickey}, {@code mp.jwt.verify.publickey.location},
 * {@code mp.jwt.verify.issuer}, ...). No {@code jakarta.websocket} or servlet types here.
 */
package io.herald.auth.control;
