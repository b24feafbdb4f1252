/** Small shared pieces of the gateway core: input checking and the errors it reports. */
package io.herald.common.control;
