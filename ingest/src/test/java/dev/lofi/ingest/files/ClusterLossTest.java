package dev.lofi.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.ingest.TestVideos;
import dev.lofi.testkit.TopicSnapshot;
import dev.lofi.topics.broker.BrokerSettings;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.RecordSerdes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest that loses its cluster mid-run stops within the producer's wait, says where, and loses nothing committed. */
class ClusterLossTest {

  @TempDir
  Path dir;

  @AfterEach
  void plainClients() {
    ClientProperties.useClientConfig(Map.of());
  }

  @Test
  void aLostClusterStopsTheRunAtTheVideoBeingPublishedAndARerunFinishesWithoutRepeats() throws Exception {
    Path videos = java.nio.file.Files.createDirectories(dir.resolve("videos"));
    for (String name : List.of("a", "b", "c")) {
      TestVideos.lossless(videos.resolve(name + ".mkv"), 30, 15, 64, 48);
    }
    // Kafka's own settings, as --kafka-config would give them: the wait is bounded, here to seconds.
    ClientProperties.useClientConfig(Map.of("max.block.ms", "2000", "delivery.timeout.ms", "4000",
        "request.timeout.ms", "1500"));
    BrokerSettings settings = BrokerSettings.loopback(dir.resolve("broker"), 0);
    IngestSettings sampling = new IngestSettings(FidelityPreset.CPU, List.of("full", "t"), null, false);
    AtomicReference<EmbeddedBroker> broker = new AtomicReference<>(EmbeddedBroker.start(settings));
    IngestSummary lost;
    try {
      createTopics(broker.get().bootstrapServers());
      lost = new FileIngest(broker.get().bootstrapServers(), sampling, new IngestListener() {
        @Override
        public void videoPublished(IngestSummary.Published video) {
          broker.get().close();
        }
      }).run(videos);
    } finally {
      broker.get().close();
    }

    assertThat(lost.succeeded()).isFalse();
    assertThat(lost.published()).extracting(IngestSummary.Published::videoId).containsExactly("a");
    assertThat(lost.clusterLoss()).isNotNull();
    assertThat(lost.clusterLoss().file().getFileName().toString()).isEqualTo("b.mkv");
    assertThat(lost.clusterLoss().committed()).isEqualTo(1);
    assertThat(lost.clusterLoss().videos()).isEqualTo(3);
    assertThat(lost.clusterLoss().reason()).isNotBlank();

    try (EmbeddedBroker restarted = EmbeddedBroker.start(settings)) {
      IngestSummary rerun = new FileIngest(restarted.bootstrapServers(), sampling, new IngestListener() {}).run(videos);
      assertThat(rerun.succeeded()).as(rerun.toString()).isTrue();
      assertThat(rerun.published()).extracting(IngestSummary.Published::videoId).containsExactly("b", "c");
      assertThat(rerun.skipped()).hasSize(1);
      List<String> clips = TopicSnapshot.read(restarted.bootstrapServers(), TopicCatalog.clips("full").name())
          .stream().map(r -> RecordSerdes.clipSnippet().decode(r.value()))
          .map(c -> c.videoId() + "#" + c.snippetIndex()).toList();
      int perVideo = FidelityPreset.CPU.fidelity("full").snippets();
      assertThat(clips).hasSize(3 * perVideo).doesNotHaveDuplicates();
    }
  }

  private static void createTopics(String bootstrap) {
    try (CatalogAdmin admin = CatalogAdmin.connect(bootstrap)) {
      admin.createMissing(TopicCatalog.all());
    }
  }
}
