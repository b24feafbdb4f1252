/** Application-wide web wiring: the JAX-RS application and the mapping of errors to JSON. */
package io.herald.web;
