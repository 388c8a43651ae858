/**
 * The live localizer as a Kafka Streams application: {@link
 * dev.lofi.localizer.stream.LocalizerTopology#buildTopology} from {@code lofi.live.clips} to
 * {@code lofi.segments}, its state stores and their serdes, its settings, and {@link
 * dev.lofi.localizer.stream.LiveLocalizer}, one running instance.
 */
package dev.lofi.localizer.stream;
