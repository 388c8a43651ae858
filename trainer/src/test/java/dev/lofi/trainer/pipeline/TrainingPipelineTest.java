package dev.lofi.trainer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.head.gtad.GtadHead;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.model.network.TinyNetworks;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.trainer.SyntheticClips;
import dev.lofi.trainer.data.SnippetAugmentation;
import dev.lofi.trainer.data.TrainingSet;
import dev.lofi.trainer.metrics.MetricsPublisher;
import dev.lofi.trainer.metrics.StageListener;
import dev.lofi.trainer.stage.FeatureExtraction;
import dev.lofi.trainer.stage.FeatureExtractionSettings;
import dev.lofi.trainer.stage.HeadTraining;
import dev.lofi.trainer.stage.HeadTrainingSettings;
import dev.lofi.trainer.stage.JointTraining;
import dev.lofi.trainer.stage.JointTrainingSettings;
import dev.lofi.trainer.stage.Pretraining;
import dev.lofi.trainer.stage.PretrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainingPipelineTest {

  private static final NetworkConfig NETWORK = TinyNetworks.anchorFree(2);

  @Test
  void theLofiStageStartsFromThePretrainedCheckpointsNetworkAndSaysSoAndEachStageIsTimed() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String full = "p" + tag;
    String model = "pipeline-" + tag;
    SyntheticClips.publish(bootstrap, "q" + tag + "_", 4, 2, Map.of(full, new int[] {8, 16}), TrainingSet.TRAINING);
    List<String> lines = new ArrayList<>();
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, model, StageListener.NONE)) {
      TrainingPipeline pipeline = new TrainingPipeline(bootstrap, metrics, lines::add);
      Pretraining.Result pretrained = pipeline.pretrain(PretrainingSettings.builder(model).optFidelity(full)
          .optEpochs(1).optBatchSize(2).optMaxSteps(2).optSegmentFidelity(full)
          .optAugmentation(SnippetAugmentation.NONE).build(), NETWORK);

      JointTraining.Result joint = pipeline.lofi(JointTrainingSettings.builder(model).optFidelities(List.of(full))
              .optEpochs(1).optBatchSize(2).optMaxSteps(1).optValidationFidelity(null).build(),
          Pretraining.latestCheckpoint(bootstrap, model),
          classes -> {
            throw new AssertionError("a pre-trained network was there to start from");
          }, Optional.empty());

      assertThat(joint.checkpoint().config()).containsEntry("labels", pretrained.labels());
      assertThat(lines).anyMatch(l -> l.equals("lofi: starting from " + model + "@"
          + pretrained.checkpoint().version() + " (stage pretrain): its encoder and head, classes "
          + pretrained.labels()));
      assertThat(pipeline.stageSeconds()).containsOnlyKeys(Pretraining.STAGE, JointTraining.STAGE)
          .allSatisfy((stage, seconds) -> assertThat(seconds).isPositive());
      assertThat(lines).anyMatch(l -> l.startsWith("stage pretrain took ")).anyMatch(l -> l.startsWith("stage lofi took "));
    }
  }

  @Test
  void everyStageTrainsTheGtadHeadAndEachCheckpointSaysWhichHeadItHolds() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String full = "g" + tag;
    String model = "gtad-" + tag;
    SyntheticClips.publish(bootstrap, "h" + tag + "_", 4, 2, Map.of(full, new int[] {8, 16}), TrainingSet.TRAINING);
    NetworkConfig gtad = NETWORK.withHead(GtadHead.KIND, Map.of("hiddenDim", "16", "width", "16", "samples", "4",
        "alignDim", "32", "mapDim", "16"));
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, model, StageListener.NONE)) {
      List<String> lines = new ArrayList<>();
      TrainingPipeline pipeline = new TrainingPipeline(bootstrap, metrics, lines::add);
      pipeline.pretrain(PretrainingSettings.builder(model).optFidelity(full).optEpochs(1).optBatchSize(2)
          .optMaxSteps(2).optSegmentFidelity(full).optAugmentation(SnippetAugmentation.NONE).build(), gtad);
      JointTraining.Result joint = pipeline.lofi(JointTrainingSettings.builder(model).optFidelities(List.of(full))
          .optEpochs(1).optBatchSize(2).optMaxSteps(2).optValidationFidelity(null).build(),
          Pretraining.latestCheckpoint(bootstrap, model), classes -> gtad.withClasses(classes), Optional.empty());
      pipeline.extract(new FeatureExtractionSettings(model, full, List.of(TrainingSet.TRAINING), 2));
      HeadTraining.Result head = pipeline.head(HeadTrainingSettings.builder(model, model).optEpochs(2)
          .optBatchSize(2).build());

      JointTraining.Result fineTuned = pipeline.lofi(JointTrainingSettings.builder(model)
              .optFidelities(List.of(full)).optEpochs(1).optBatchSize(2).optMaxSteps(1).optValidationFidelity(null)
              .build(), new CheckpointStore(bootstrap).latest(model),
          classes -> {
            throw new AssertionError("the head checkpoint was there to fine-tune");
          }, Optional.empty());

      assertThat(lines).contains("lofi: starting from " + model + "@" + head.checkpoint().version()
          + " (stage head): its encoder and head, classes " + CheckpointConfig.of(head.checkpoint()).labels());
      assertThat(fineTuned.checkpoint().config()).containsEntry("labels", CheckpointConfig.of(head.checkpoint()).labels());
      assertThat(joint.epochLosses()).allSatisfy(loss -> assertThat(loss).isFinite().isPositive());
      assertThat(head.epochLosses()).allSatisfy(loss -> assertThat(loss).isFinite().isPositive());
      for (CheckpointManifest checkpoint : List.of(joint.checkpoint(), head.checkpoint())) {
        assertThat(CheckpointConfig.of(checkpoint).network().headKind()).isEqualTo(GtadHead.KIND);
      }
      assertThat(pipeline.stageSeconds()).containsOnlyKeys(Pretraining.STAGE, JointTraining.STAGE,
          FeatureExtraction.STAGE, HeadTraining.STAGE);
      assertThat(fineTuned.checkpoint().stage()).isEqualTo(JointTraining.STAGE);
    }
  }

  @Test
  void resumingAModelWhoseLatestCheckpointIsNotOfTheLofiStageIsRefusedNamingWhatItIs() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String model = "never-trained-" + UUID.randomUUID().toString().substring(0, 6);
    try (MetricsPublisher metrics = new MetricsPublisher(bootstrap, model, StageListener.NONE)) {
      TrainingPipeline pipeline = new TrainingPipeline(bootstrap, metrics, line -> {});

      assertThatThrownBy(() -> pipeline.resumeLofi(JointTrainingSettings.builder(model).build(),
          Optional.empty()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("nothing to resume: the latest checkpoint of " + model + " is missing, not of stage lofi");
    }
  }
}
