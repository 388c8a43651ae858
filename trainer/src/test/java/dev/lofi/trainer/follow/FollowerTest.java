package dev.lofi.trainer.follow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.client.ClientProperties;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.CheckpointChunker;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.topics.record.ModelDecision.Decision;
import dev.lofi.topics.record.RecordSerdes;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import dev.lofi.topics.scan.LatestValues;
import dev.lofi.trainer.data.TrainingFootage;
import dev.lofi.trainer.promotion.ModelDecisions;
import dev.lofi.trainer.promotion.ServingModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The follower on a broker of its own: when it retrains, and what it counts as known after a
 * retrain, a refusal, a failure and a restart. Its retrains here record what they learnt as a
 * training run would (a checkpoint whose config names the videos), without training.
 */
class FollowerTest {

  private static KafkaTestCluster cluster;
  private static String bootstrap;

  private final List<String> reasons = new ArrayList<>();
  private final List<String> report = new ArrayList<>();

  @BeforeAll
  static void startBroker() {
    cluster = KafkaTestCluster.start();
    bootstrap = cluster.bootstrapWithCatalog();
  }

  @AfterAll
  static void stopBroker() {
    cluster.close();
  }

  @Test
  void retrainsOnceEnoughVideosAreNewOrChangedAndNeverAgainForTheSameFootageNotEvenAfterARestart() {
    String model = model();
    video("a1", "walk", "run-1");
    serve(model, List.of("walk"));
    RetrainTrigger twoVideos = new RetrainTrigger(2, false, null);
    Follower.Retraining learns = learning(model, Decision.PROMOTED);

    try (Follower follower = new Follower(bootstrap, model, twoVideos, learns, report::add)) {
      assertThat(follower.poll()).isEmpty();
      video("a2", "walk", "run-1");
      assertThat(follower.poll()).as("one waiting of two").isEmpty();
      video("a1", "walk", "run-1");
      assertThat(follower.poll()).as("a replayed record is not a new video").isEmpty();
      video("a3", "walk", "run-1");
      assertThat(follower.poll()).map(ModelDecision::decision).contains(Decision.PROMOTED);
      assertThat(follower.poll()).isEmpty();
    }
    try (Follower restarted = new Follower(bootstrap, model, twoVideos, learns, report::add)) {
      assertThat(restarted.poll()).as("what the serving checkpoint learnt is known after a restart").isEmpty();
      video("a1", "walk", "run-2");
      video("a4", "walk", "run-1");
      assertThat(restarted.poll()).as("a video ingested again counts as changed").isPresent();
    }
    assertThat(reasons).containsExactly("2 new or changed training videos, the trigger is 2",
        "2 new or changed training videos, the trigger is 2");
    assertThat(report).anyMatch(line -> line.startsWith("follow: " + model + "@") && line.contains("classes [walk]"));
  }

  @Test
  void aClassTheServingModelLacksStartsARetrainAtOnce() {
    String model = model();
    serve(model, List.of("walk"));
    try (Follower follower = new Follower(bootstrap, model, new RetrainTrigger(50, true, null),
        learning(model, Decision.PROMOTED), report::add)) {
      video("b1", "walk", "run-1");
      assertThat(follower.poll()).isEmpty();
      video("b2", "wave", "run-1");

      assertThat(follower.poll()).isPresent();
    }
    assertThat(reasons).containsExactly("new classes [wave] in 2 new or changed training videos");
    assertThat(report).contains("follow: 2 new or changed training videos waiting, holding the new classes [wave]");
  }

  @Test
  void footageACandidateWasRefusedOnDoesNotStartTheSameRetrainAgainAfterARestart() {
    String model = model();
    serve(model, List.of("walk"));
    RetrainTrigger oneVideo = new RetrainTrigger(1, false, null);
    video("c1", "walk", "run-1");
    try (Follower follower = new Follower(bootstrap, model, oneVideo, learning(model, Decision.REFUSED),
        report::add)) {
      assertThat(follower.poll()).map(ModelDecision::decision).contains(Decision.REFUSED);
    }
    try (Follower restarted = new Follower(bootstrap, model, oneVideo, learning(model, Decision.REFUSED),
        report::add)) {
      assertThat(restarted.poll()).isEmpty();
      video("c2", "walk", "run-1");
      assertThat(restarted.poll()).as("footage beyond the refused candidate's").isPresent();
    }
    assertThat(reasons).hasSize(2);
  }

  @Test
  void aFailedRetrainIsReportedAndTheFollowerWaitsForFootageItHasNotTriedYet() {
    String model = model();
    serve(model, List.of("walk"));
    Follower.Retraining fails = reason -> {
      reasons.add(reason);
      throw new IllegalStateException("no training video has features");
    };
    try (Follower follower = new Follower(bootstrap, model, new RetrainTrigger(1, false, null), fails, report::add)) {
      video("d1", "walk", "run-1");
      assertThat(follower.poll()).isEmpty();
      assertThat(follower.poll()).as("the same footage is not tried again").isEmpty();
      video("d2", "walk", "run-1");
      assertThat(follower.poll()).isEmpty();
    }
    assertThat(reasons).hasSize(2);
    assertThat(report).contains("follow: retrain failed, the serving checkpoint stays; waiting for more footage: "
        + "no training video has features");
  }

  @Test
  void withNothingServingTheFollowerSaysSoOnceAndWaits() {
    String model = model();
    try (Follower follower = new Follower(bootstrap, model, new RetrainTrigger(1, true, null),
        learning(model, Decision.PROMOTED), report::add)) {
      video("e1", "walk", "run-1");
      assertThat(follower.poll()).isEmpty();
      assertThat(follower.poll()).isEmpty();
    }
    assertThat(reasons).isEmpty();
    assertThat(report).filteredOn(line -> line.contains("nothing serves " + model)).hasSize(1);
  }

  private static String model() {
    return "follow-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A retrain that records the topics' footage in a checkpoint, as the head stage does, and decides {@code decision}. */
  private Follower.Retraining learning(String model, Decision decision) {
    return reason -> {
      reasons.add(reason);
      String name = decision == Decision.PROMOTED ? model : ServingModel.candidateOf(model);
      CheckpointManifest learnt = publish(name, List.of("walk", "wave"), footage());
      ModelDecision made = new ModelDecision(model, decision, learnt.model() + "@" + learnt.version(), null, 0.5, 0.5,
          0.0, reason, Instant.now());
      new ModelDecisions(bootstrap).publish(made);
      return made;
    };
  }

  /** A serving checkpoint of {@code model} that has learnt every training video on the topics now. */
  private static void serve(String model, List<String> labels) {
    publish(model, labels, footage());
  }

  private static TrainingFootage footage() {
    return TrainingFootage.of(LatestValues.videos(bootstrap, "test"), LatestValues.annotations(bootstrap, "test"));
  }

  private static CheckpointManifest publish(String model, List<String> labels, TrainingFootage footage) {
    CheckpointConfig config = new CheckpointConfig(TinyNetworks.anchorFree(labels.size()), labels, List.of("full"))
        .withTrainedOn(footage.revisions());
    byte[] parameters = UUID.randomUUID().toString().getBytes();
    CheckpointManifest manifest = CheckpointChunker.manifest(model, "v-" + UUID.randomUUID(), "head", 0, 1,
        config.toMap(), Map.of(), parameters, CheckpointChunker.DEFAULT_CHUNK_BYTES, Instant.now());
    new CheckpointStore(bootstrap).publish(manifest, parameters);
    return manifest;
  }

  /** A training video's metadata and ground truth, as ingest publishes them. */
  private static void video(String id, String label, String ingestId) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ClientProperties.producer(bootstrap),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(TopicCatalog.ANNOTATIONS.name(), id, RecordSerdes.videoAnnotations()
          .encode(new VideoAnnotations(id, "training", 10, List.of(new GroundTruthSegment(label, 2, 5))))));
      producer.send(new ProducerRecord<>(TopicCatalog.VIDEOS.name(), id, RecordSerdes.videoMetadata().encode(
          new VideoMetadata(id, "camera", 10, 15, 64, 48, 150, "training",
              new IngestProvenance(ingestId, "0".repeat(64), "cpu", Map.of("full", 8), Instant.EPOCH)))));
      producer.flush();
    }
  }
}
