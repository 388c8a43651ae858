package dev.lofi.localizer.stream;

import dev.lofi.localizer.reload.ModelSource;
import dev.lofi.localizer.tracking.ActionTracks;
import dev.lofi.localizer.tracking.FeatureWindow;
import dev.lofi.localizer.tracking.SlidingLocalization;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.RecordSerdes;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The live localizer as a Kafka Streams topology:
 * <pre>
 * lofi.live.clips (stream id, snippet bytes)
 *   -> decode ----------- unreadable -> lofi.dlq (unchanged, with the reason and origin in headers)
 *   -> localize [feature-windows, action-tracks] -> lofi.segments (stream id, segment JSON)
 *                                        `------- not encodable -> lofi.dlq (as for unreadable ones)
 * </pre>
 * Both stores are keyed by stream id and logged to changelog topics: they are what another
 * instance restores when it takes a stream over, and under {@code exactly_once_v2} they commit in
 * one transaction with the segments and the input offsets, so a crash neither loses nor repeats a
 * segment. They are in memory: a stream's state is a window of features and a few actions
 * (16 KB at the cpu preset), restored from its compacted changelog in moments.
 */
public final class LocalizerTopology {

  /** Each stream's feature window. */
  public static final String WINDOW_STORE = "feature-windows";
  /** Each stream's open and recently closed actions. */
  public static final String TRACK_STORE = "action-tracks";

  // A window of paper-preset features is 200 KB; changelog records get the clip topics' limit.
  private static final int STATE_RECORD_MAX_BYTES = 8 * 1024 * 1024;
  // The size a clip topic allows, so a fetch always holds at least one snippet whole.
  private static final int FETCH_MAX_BYTES = 16 * 1024 * 1024;

  private LocalizerTopology() {}

  /** Adds the localizer to {@code builder} and builds it. */
  public static Topology buildTopology(StreamsBuilder builder, LocalizerSettings settings, ModelSource models,
      LocalizerListener listener) {
    SlidingLocalization localization = new SlidingLocalization(settings.sliding());
    builder.addStateStore(windowStore());
    builder.addStateStore(trackStore());

    KStream<byte[], DecodedClip> clips = builder
        .stream(TopicCatalog.LIVE_CLIPS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("live-clips"))
        .processValues(() -> new SnippetDecoder(listener), Named.as("decode"));

    clips.filterNot((stream, clip) -> clip.readable(), Named.as("unreadable"))
        .mapValues(DecodedClip::received, Named.as("as-received"))
        .to(TopicCatalog.DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));

    KStream<String, Localized> localized = clips.filter((stream, clip) -> clip.readable(), Named.as("readable"))
        .process(() -> new LocalizeProcessor(localization, models, listener), Named.as("localize"),
            WINDOW_STORE, TRACK_STORE);

    localized.filter((stream, out) -> out.isSegment(), Named.as("found"))
        .mapValues(Localized::segment, Named.as("segment"))
        .to(TopicCatalog.SEGMENTS.name(), Produced.with(Serdes.String(), RecordSerdes.segment()).withName("segments"));

    localized.filterNot((stream, out) -> out.isSegment(), Named.as("not-encodable"))
        .mapValues(Localized::refused, Named.as("refused-as-received"))
        .to(TopicCatalog.DLQ.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("refused-letters"));

    return builder.build();
  }

  /** The Kafka Streams configuration of an instance. */
  public static Properties streamsConfig(String bootstrap, LocalizerSettings settings) {
    Properties config = ClientProperties.streams(bootstrap);
    StreamsApplication application = settings.application();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, application.applicationId());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, application.processingGuarantee());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, application.threads());
    config.put(StreamsConfig.STATE_DIR_CONFIG, application.stateDir().toString());
    // A new application starts from the oldest snippet kept: those published while it waited for
    // a checkpoint, or before it started, are localized too.
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), FETCH_MAX_BYTES);
    config.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), ClientProperties.MAX_REQUEST_BYTES);
    config.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), STATE_RECORD_MAX_BYTES);
    return config;
  }

  private static StoreBuilder<KeyValueStore<String, FeatureWindow>> windowStore() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WINDOW_STORE), Serdes.String(),
        StoreSerdes.featureWindow());
  }

  private static StoreBuilder<KeyValueStore<String, ActionTracks>> trackStore() {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TRACK_STORE), Serdes.String(),
        StoreSerdes.actionTracks());
  }
}
