/** {@code POST /api/events}: publish an event over REST (admin). */
package io.herald.publish.boundary;
