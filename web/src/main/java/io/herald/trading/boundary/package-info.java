/** {@code /trading/ws} and {@code /trading/api}: trading events (document 004). */
package io.herald.trading.boundary;
