/** Trading state: market candles aggregated from ticks. */
package io.herald.trading.entity;
