/**
 * What operators see and steer of a running node, kept off the delivery path: counters that the
 * hot path bumps without locks ({@link io.herald.operations.control.GatewayMeter}), this node's
 * and the cluster's state ({@link io.herald.operations.control.NodeStatus},
 * {@link io.herald.operations.control.ClusterView}), and the actions an administrator takes on
 * every node ({@link io.herald.operations.control.GatewayOperations}). Metrics, the MBean and the
 * admin page read from here.
 */
package io.herald.operations.control;
