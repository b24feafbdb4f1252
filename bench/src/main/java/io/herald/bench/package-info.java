/**
 * The benchmark: one load generator that runs the same scenarios against herald.jar, the same EAR on
 * WildFly ({@link io.herald.bench.WildFly}) and a minimal Node.js {@code ws} fan-out server in one
 * run, and writes a table and plots to {@code bench/results/}. Started by {@code bench/run.sh}; never
 * by the build's tests.
 */
package io.herald.bench;
