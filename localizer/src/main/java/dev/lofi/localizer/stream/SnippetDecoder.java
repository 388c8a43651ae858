package dev.lofi.localizer.stream;

import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import dev.lofi.topics.deadletter.DeadLetterHeaders;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.RecordSerdes;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the live snippets of {@code lofi.live.clips}. A record that is not a live snippet keyed by
 * its stream id goes on, unchanged, with the dead-letter headers naming why and where it was read,
 * so that the topology can send it to {@code lofi.dlq}: inside the topology, it is written in the
 * same transaction as the offsets, once.
 */
final class SnippetDecoder implements FixedKeyProcessor<byte[], byte[], DecodedClip> {

  /** Who refused the record, in the dead-letter headers. */
  static final String CONSUMER = "localizer";

  private static final Logger LOG = LoggerFactory.getLogger(SnippetDecoder.class);

  private final LocalizerListener listener;
  private FixedKeyProcessorContext<byte[], DecodedClip> context;

  SnippetDecoder(LocalizerListener listener) {
    this.listener = listener;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], DecodedClip> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    try {
      ClipSnippet snippet = RecordSerdes.clipSnippet().decode(record.value());
      requireLive(record.key(), snippet);
      context.forward(record.withValue(new DecodedClip(snippet, record.value())));
    } catch (RecordFormatException e) {
      RecordMetadata origin = context.recordMetadata().orElseThrow();
      LOG.warn("{}: record refused, sent to the dead-letter topic: {}", coordinates(origin), e.getMessage());
      listener.unreadable(coordinates(origin), e.getMessage());
      context.forward(record.withValue(new DecodedClip(null, record.value()))
          .withHeaders(deadLetterHeaders(record.headers(), e, origin)));
    }
  }

  /** Where a record was read, as {@code topic-partition@offset}. */
  static String coordinates(RecordMetadata origin) {
    return origin.topic() + "-" + origin.partition() + "@" + origin.offset();
  }

  /** The record's own headers and the dead-letter headers naming why and where it was refused. */
  static Headers deadLetterHeaders(Headers received, RecordFormatException why, RecordMetadata origin) {
    Headers headers = new RecordHeaders(received.toArray());
    DeadLetterHeaders.add(headers, why, origin.topic(), origin.partition(), origin.offset(), CONSUMER);
    return headers;
  }

  /** The key is what partitions the streams' state, so it must be the snippet's stream. */
  private static void requireLive(byte[] key, ClipSnippet snippet) {
    if (key == null) {
      throw new RecordFormatException(Reason.INVALID_FIELD, "a live snippet of stream '" + snippet.videoId()
          + "' has no key; live snippets are keyed by their stream id");
    }
    String stream = new String(key, StandardCharsets.UTF_8);
    if (!stream.equals(snippet.videoId())) {
      throw new RecordFormatException(Reason.INVALID_FIELD, "key '" + stream + "' holds a snippet of stream '"
          + snippet.videoId() + "'");
    }
    if (snippet.captureEpochMillis() == ClipSnippet.NOT_LIVE) {
      throw new RecordFormatException(Reason.INVALID_FIELD, "snippet " + snippet.snippetIndex() + " of '" + stream
          + "' has no capture time: not a live snippet");
    }
  }
}
