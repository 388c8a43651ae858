/**
 * {@code lofi bench localize}: the live localizer's throughput and its latency from capture to a
 * consumer of {@code lofi.segments}, through a broker ({@link
 * dev.lofi.localizer.bench.LocalizeBenchmark}).
 */
package dev.lofi.localizer.bench;
