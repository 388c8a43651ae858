package dev.lofi.localizer.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.lofi.localizer.inference.InferenceModel;
import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.model.checkpoint.CheckpointExport;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointRefTest {

  @TempDir Path dir;

  private static String publish(String bootstrap, Checkpoint checkpoint) {
    new CheckpointStore(bootstrap).publish(checkpoint.manifest(), checkpoint.parameters());
    return checkpoint.manifest().version();
  }

  @Test
  void aNameIsAModelAndAnAtSplitsOffItsVersion() {
    assertThat(CheckpointRef.parse("lofi-cpu")).isEqualTo(new CheckpointRef("lofi-cpu", null, null));
    assertThat(CheckpointRef.parse("lofi-cpu@head-e9-s120-0a1b2c3d"))
        .isEqualTo(new CheckpointRef("lofi-cpu", "head-e9-s120-0a1b2c3d", null));
    assertThat(CheckpointRef.parse("lofi-cpu").onKafka()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"exports/lofi-cpu", "lofi-cpu-0000.params", "./x"})
  void aReferenceWithASlashOrAParamsFileIsAPath(String ref) {
    CheckpointRef parsed = CheckpointRef.parse(ref);
    assertThat(parsed.export()).isEqualTo(Path.of(ref));
    assertThat(parsed.onKafka()).isFalse();
  }

  @Test
  void aNameThatExistsOnDiskIsAPath() throws Exception {
    Path export = Files.createDirectory(dir.resolve("export"));
    assertThat(CheckpointRef.parse(export.toString()).export()).isEqualTo(export);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "@v1", "lofi-cpu@"})
  void anIncompleteReferenceIsRefused(String ref) {
    assertThatIllegalArgumentException().isThrownBy(() -> CheckpointRef.parse(ref)).withMessageContaining("MODEL@VERSION");
  }

  @Test
  void aModelLoadsItsLatestCheckpointAKeptOlderVersionLoadsAndOneNotKeptIsRefusedNamingThoseKept() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String model = "ref-" + UUID.randomUUID().toString().substring(0, 8);
    String old = publish(bootstrap, TestCheckpoints.tiny(model, "head", 1));
    String latest = publish(bootstrap, TestCheckpoints.tiny(model, "head", 2));

    assertThat(CheckpointRef.parse(model).load(bootstrap).manifest().version()).isEqualTo(latest);
    assertThat(CheckpointRef.parse(model + "@" + latest).load(bootstrap).manifest().version()).isEqualTo(latest);
    assertThat(CheckpointRef.parse(model + "@" + old).load(bootstrap).manifest().version()).isEqualTo(old);
    assertThatIllegalArgumentException().isThrownBy(() -> CheckpointRef.parse(model + "@head-e9-s9-0").load(bootstrap))
        .withMessageContaining(model + "@head-e9-s9-0 is not on lofi.checkpoints")
        .withMessageContaining(model + "'s are " + model + "@" + old + ", " + model + "@" + latest);
  }

  @Test
  void aModelWithoutCheckpointsIsRefusedNamingTheModelsThatHaveSome() {
    String bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    String other = "ref-" + UUID.randomUUID().toString().substring(0, 8);
    publish(bootstrap, TestCheckpoints.tiny(other, "head", 1));

    assertThatIllegalArgumentException().isThrownBy(() -> CheckpointRef.parse("nobody-trained-this").load(bootstrap))
        .withMessageContaining("no checkpoint of nobody-trained-this on lofi.checkpoints")
        .withMessageContaining(other);
  }

  @Test
  void anExportLoadsWithoutKafkaAsTheCheckpointItWasWrittenFrom() {
    Checkpoint checkpoint = TestCheckpoints.tiny("exported", "head", 3);
    Path params = CheckpointExport.write(dir, TestCheckpoints.network(TestCheckpoints.FRAMES), checkpoint);

    Checkpoint loaded = CheckpointRef.parse(params.toString()).load(null);

    assertThat(loaded.manifest().version()).isEqualTo(checkpoint.manifest().version());
    try (InferenceModel model = InferenceModel.load(loaded)) {
      assertThat(model.labels()).isEqualTo(TestCheckpoints.LABELS);
      assertThat(model.version()).isEqualTo("exported@" + checkpoint.manifest().version());
    }
  }

  @Test
  void aPathThatIsNotThereIsRefusedNamingIt() {
    Path missing = dir.resolve("gone");
    assertThatIllegalArgumentException().isThrownBy(() -> CheckpointRef.parse(missing.toString()).load(null))
        .withMessageContaining(missing + ": no such file or directory");
  }
}
