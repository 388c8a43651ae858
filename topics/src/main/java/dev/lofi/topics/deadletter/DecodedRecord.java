package dev.lofi.topics.deadletter;

/**
 * A record whose value decoded, with the coordinates it was read from.
 *
 * @param key the record key as UTF-8 (a video, stream or model id), or null
 */
public record DecodedRecord<T>(String key, T value, String topic, int partition, long offset, long timestamp) {}
