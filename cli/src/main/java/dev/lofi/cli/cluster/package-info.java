/** A KRaft cluster of several {@code lofi broker} processes on one machine, for development and failover tests. */
package dev.lofi.cli.cluster;
