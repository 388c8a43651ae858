package dev.lofi.trainer;

import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Tiny annotated videos published straight to a broker, as ingest would: snippets inside an
 * action are lit in the colour of its class ("red" or "green"), the rest is dark noise. Learnable
 * in a few steps, which is what training tests need.
 */
public final class SyntheticClips {

  public static final double SECONDS = 16;
  public static final List<String> LABELS = List.of("green", "red");

  private SyntheticClips() {}

  /**
   * Publishes {@code videos} videos named {@code prefix}NN at each fidelity given as
   * {@code name -> {snippets, size}}, all with {@code frames} frames per snippet.
   */
  public static void publish(String bootstrap, String prefix, int videos, int frames, Map<String, int[]> fidelities,
      String subset) {
    publish(bootstrap, prefix, videos, frames, fidelities, subset, false);
  }

  /**
   * Publishes trimmed clips, as {@link #publish} does videos, but each one action over the whole
   * clip: every snippet is lit in the clip's class colour, alternately green and red.
   */
  public static void publishTrimmed(String bootstrap, String prefix, int videos, int frames,
      Map<String, int[]> fidelities, String subset) {
    publish(bootstrap, prefix, videos, frames, fidelities, subset, true);
  }

  private static void publish(String bootstrap, String prefix, int videos, int frames, Map<String, int[]> fidelities,
      String subset, boolean wholeVideo) {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(fidelities.keySet().stream().map(TopicCatalog::clips).toList());
    }
    // The same pixels and actions in every run: only the ids differ, so training tests are repeatable.
    Random random = new Random(42);
    Properties properties = ClientProperties.producer(bootstrap);
    // One request at a time: a loaded machine's broker may refuse a freshly created partition's
    // first batch (NOT_LEADER_OR_FOLLOWER) while the next one is in flight, and an out-of-order
    // retry would fail a batch; a test must never train on a set that silently lost a video.
    properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties,
        new StringSerializer(), new ByteArraySerializer())) {
      for (int v = 0; v < videos; v++) {
        String id = String.format("%s%02d", prefix, v);
        String label = LABELS.get(v % 2);
        double start = wholeVideo ? 0 : 2 + random.nextInt(6);
        double end = wholeVideo ? SECONDS : start + 4 + random.nextInt(4);
        RecordHeaders headers = new RecordHeaders();
        headers.add(IngestProvenance.HEADER, "run".getBytes(StandardCharsets.UTF_8));
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<String, int[]> fidelity : fidelities.entrySet()) {
          int snippets = fidelity.getValue()[0];
          int size = fidelity.getValue()[1];
          counts.put(fidelity.getKey(), snippets);
          for (int i = 0; i < snippets; i++) {
            double from = SECONDS * i / snippets;
            double to = SECONDS * (i + 1) / snippets;
            boolean inside = (from + to) / 2 >= start && (from + to) / 2 < end;
            byte[] payload = new byte[frames * size * size * 3];
            for (int p = 0; p < payload.length; p++) {
              int channel = p % 3;
              int lit = inside && channel == (label.equals("red") ? 0 : 1) ? 200 : 30;
              payload[p] = (byte) (lit + random.nextInt(20));
            }
            sent.add(producer.send(new ProducerRecord<>(TopicCatalog.clips(fidelity.getKey()).name(), null, id,
                RecordSerdes.clipSnippet().encode(new ClipSnippet(id, fidelity.getKey(), i, snippets, from, to,
                    ClipSnippet.NOT_LIVE, false, false, frames, size, size, 3, DType.UINT8, payload)), headers)));
          }
        }
        sent.add(producer.send(new ProducerRecord<>(TopicCatalog.ANNOTATIONS.name(), id,
            RecordSerdes.videoAnnotations().encode(new VideoAnnotations(id, subset, SECONDS,
                List.of(new GroundTruthSegment(label, start, end)))))));
        sent.add(producer.send(new ProducerRecord<>(TopicCatalog.VIDEOS.name(), id, RecordSerdes.videoMetadata().encode(
            new VideoMetadata(id, "synthetic", SECONDS, 15, 64, 48, (long) (SECONDS * 15), subset,
                new IngestProvenance("run", "0".repeat(64), "test", counts, Instant.now()))))));
      }
    }
    for (Future<RecordMetadata> record : sent) {
      try {
        record.get();
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException("a synthetic record was not written", e);
      }
    }
  }
}
