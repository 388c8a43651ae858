package dev.lofi.cli;

import static dev.lofi.cli.LofiCommandTest.lofi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.cli.LofiCommandTest.Run;
import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.localizer.evaluation.ActivityNetPredictions;
import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.localizer.offline.VideoFolder;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.model.evaluation.Prediction;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lofi localize files}: files through a tiny untrained network of the cpu preset's snippet length. */
class LocalizeFilesCommandTest {

  /** The tiny network for the cpu preset's snippets of 8 frames. */
  private static final NetworkConfig NETWORK = TestCheckpoints.network(8);

  @TempDir static Path dir;
  private static Path video;
  private static Path export;
  private static Checkpoint checkpoint;

  @BeforeAll
  static void videoAndExport() {
    // 20 s at 15 fps: 9 snippets of 32 source frames.
    video = dir.resolve("walk.mp4");
    new BenchVideo(96, 64, 15, 20).write(video);
    checkpoint = TestCheckpoints.tiny("tiny-cpu", "head", 1, NETWORK);
    export = dir.resolve("export");
    CheckpointExport.write(export, NETWORK, checkpoint);
  }

  @Test
  void aDirectoryIsLocalizedToAPredictionFileWhileFailedFilesAreReportedAndExitsWithOne() {
    Path videos = VideoFolder.write(dir.resolve("videos"), video);
    Path pred = dir.resolve("out/pred.json");

    Run run = lofi("localize", "files", videos.toString(), "--out", pred.toString(), "--checkpoint", export.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out()).contains("localizing " + videos + " with tiny-cpu@" + checkpoint.manifest().version()
            + ": preset cpu (8 frames of 64 px a snippet), window 32 snippets, hop 4, threshold 0.01")
        .containsPattern("localized  a +\\d+ predictions; 9 snippets, media 20.0 s")
        .contains("FAILED     " + videos.resolve("b.mp4") + ": not a video FFmpeg can read")
        .containsPattern("localized  c +\\d+ predictions; 9 snippets")
        .contains("FAILED     " + videos.resolve("c.mp4") + ": video id 'c' is c.mkv's already")
        .contains("skipped    " + videos.resolve("notes.txt") + ": not a video (a .txt document)")
        .contains(pred + ": ").contains(" for 2 videos (2 failed, 1 skipped)");
    Map<String, List<Prediction>> predictions = ActivityNetPredictions.read(pred);
    assertThat(predictions).containsOnlyKeys("a", "c");
    assertThat(predictions.get("a")).isNotEmpty().isEqualTo(predictions.get("c"))
        .allSatisfy(prediction -> assertThat(prediction.score()).isGreaterThanOrEqualTo(0.01));
  }

  /** A checkpoint of a model of its own on the test cluster. */
  private static Checkpoint published(long seed) {
    String model = "offline-" + UUID.randomUUID().toString().substring(0, 8);
    Checkpoint checkpoint = TestCheckpoints.tiny(model, "head", seed, NETWORK);
    new CheckpointStore(KafkaTestCluster.shared().bootstrapWithCatalog()).publish(checkpoint.manifest(),
        checkpoint.parameters());
    return checkpoint;
  }

  @Test
  void aModelNameLoadsItsLatestCheckpointFromKafka() {
    Checkpoint published = published(2);
    Path pred = dir.resolve("by-model.json");

    Run run = lofi("localize", "files", video.toString(), "--out", pred.toString(), "--model",
        published.manifest().model(), "--threshold", "0.02", "--bootstrap", KafkaTestCluster.shared().bootstrapServers());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("with " + CheckpointConfig.versionOf(published.manifest()) + ":")
        .contains("threshold 0.02");
    assertThat(ActivityNetPredictions.read(pred)).containsOnlyKeys("walk");
  }

  @Test
  void aVersionTheTopicDoesNotKeepIsRefusedAsBadUsageNamingThoseItKeeps() {
    Checkpoint published = published(3);
    String model = published.manifest().model();

    Run run = lofi("localize", "files", video.toString(), "--out", dir.resolve("never.json").toString(),
        "--checkpoint", model + "@head-e0-s1-00000000", "--bootstrap", KafkaTestCluster.shared().bootstrapServers());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(model + "@head-e0-s1-00000000 is not on lofi.checkpoints")
        .contains(CheckpointConfig.versionOf(published.manifest()));
    assertThat(dir.resolve("never.json")).doesNotExist();
  }

  @Test
  void aCheckpointPathThatIsNotThereIsRefusedAsBadUsage() {
    Path missing = dir.resolve("no-export");

    Run run = lofi("localize", "files", video.toString(), "--out", dir.resolve("p.json").toString(),
        "--checkpoint", missing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lofi localize files: error: " + missing + ": no such file or directory");
  }
}
