package dev.lofi.localizer.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.localizer.inference.TestCheckpoints;
import dev.lofi.model.checkpoint.CheckpointConfig;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointSigning;
import dev.lofi.topics.checkpoint.CheckpointStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointWatcherTest {

  private final String model = "watch-" + UUID.randomUUID().toString().substring(0, 8);
  private final CurrentModel current = new CurrentModel();
  private final ReloadEvents events = new ReloadEvents();
  private String bootstrap;
  private CheckpointStore store;
  private CheckpointWatcher watcher;

  @BeforeEach
  void connect() {
    bootstrap = KafkaTestCluster.shared().bootstrapWithCatalog();
    store = new CheckpointStore(bootstrap);
    watcher = new CheckpointWatcher(bootstrap, model, current, events);
  }

  @AfterEach
  void stop() {
    watcher.close();
    current.close();
  }

  private Checkpoint publish(Checkpoint checkpoint) {
    store.publish(checkpoint.manifest(), checkpoint.parameters());
    return checkpoint;
  }

  private static String version(Checkpoint checkpoint) {
    return CheckpointConfig.versionOf(checkpoint.manifest());
  }

  @Test
  void theLatestCheckpointIsLoadedAtStartAndEachNewOneSwappedInAfter() throws Exception {
    publish(TestCheckpoints.tiny(model, "lofi", 1));
    Checkpoint latest = publish(TestCheckpoints.tiny(model, "head", 2));
    watcher.start();

    assertThat(events.await("loaded")).isEqualTo("loaded " + version(latest));

    Checkpoint next = publish(TestCheckpoints.tiny(model, "head", 3));
    assertThat(events.await("loaded")).isEqualTo("loaded " + version(next));
    assertThat(current.version()).contains(version(next));
  }

  @Test
  void withNoCheckpointTheWatcherSaysItIsWaitingAndLoadsTheFirstToArrive() throws Exception {
    watcher.start();

    assertThat(events.await("waiting")).isEqualTo("waiting no checkpoint of " + model + " on lofi.checkpoints yet");

    Checkpoint first = publish(TestCheckpoints.tiny(model, "head", 1));
    assertThat(events.await("loaded")).isEqualTo("loaded " + version(first));
  }

  @Test
  void aPretrainingCheckpointIsRefusedAndTheWatcherWaitsForOneThatLocalizes() throws Exception {
    Checkpoint pretrained = publish(TestCheckpoints.tiny(model, "pretrain", 1));
    watcher.start();

    assertThat(events.await("refused")).startsWith("refused " + version(pretrained))
        .contains("stage 'pretrain' has no trained localization head");
    assertThat(events.await("waiting")).contains(version(pretrained) + ", was refused");
    assertThat(current.version()).isEmpty();
  }

  @Test
  void aCheckpointFailingItsSha256IsRefusedAndTheRunningModelStays() throws Exception {
    Checkpoint running = publish(TestCheckpoints.tiny(model, "head", 1));
    watcher.start();
    events.await("loaded");

    Checkpoint tampered = TestCheckpoints.tiny(model, "head", 2);
    TamperedCheckpoint.publish(bootstrap, tampered);

    assertThat(events.await("refused")).startsWith("refused " + version(tampered)).contains("CHECKSUM_MISMATCH");
    assertThat(current.version()).contains(version(running));
  }

  @Test
  void aCheckpointWhoseParametersDoNotLoadIsRefusedAndTheRunningModelStays() throws Exception {
    Checkpoint running = publish(TestCheckpoints.tiny(model, "head", 1));
    watcher.start();
    events.await("loaded");

    Checkpoint unloadable = publish(TestCheckpoints.unloadable(model, 7));

    assertThat(events.await("refused")).startsWith("refused " + version(unloadable));
    assertThat(current.version()).contains(version(running));
    Checkpoint next = publish(TestCheckpoints.tiny(model, "head", 3));
    assertThat(events.await("loaded")).isEqualTo("loaded " + version(next));
  }

  @Test
  void atStartANewestCheckpointThatFailsFallsBackToTheNewestThatLoads() throws Exception {
    Checkpoint good = publish(TestCheckpoints.tiny(model, "head", 1));
    Checkpoint tampered = TestCheckpoints.tiny(model, "head", 2);
    TamperedCheckpoint.publish(bootstrap, tampered);
    watcher.start();

    assertThat(events.await("refused")).startsWith("refused " + version(tampered)).contains("CHECKSUM_MISMATCH");
    assertThat(events.await("loaded")).isEqualTo("loaded " + version(good));
  }

  @Test
  void withATrustedKeyAForgedCheckpointIsRefusedNamingTheKeyAndTheSignedOneKeepsServing(@TempDir Path keys)
      throws Exception {
    CheckpointSigning.generate(keys.resolve("trainer.pem"), keys.resolve("trainer.pub.pem"));
    CheckpointSigning.generate(keys.resolve("forger.pem"), keys.resolve("forger.pub.pem"));
    // The watcher reads this process's signing as it loads: every step below keeps trusting the
    // trainer's key, so that what the test publishes meanwhile never loosens it.
    Path trainerPublic = keys.resolve("trainer.pub.pem");
    CheckpointSigning trust = CheckpointSigning.of(Optional.empty(), Optional.of(trainerPublic));
    CheckpointSigning forger = CheckpointSigning.of(Optional.of(keys.resolve("forger.pem")), Optional.of(trainerPublic));
    try {
      CheckpointSigning.use(CheckpointSigning.of(Optional.of(keys.resolve("trainer.pem")), Optional.of(trainerPublic)));
      Checkpoint signed = publish(TestCheckpoints.tiny(model, "head", 1));
      CheckpointSigning.use(forger);
      Checkpoint forgedAtStart = publish(TestCheckpoints.tiny(model, "head", 2));
      CheckpointSigning.use(trust);
      watcher.start();

      assertThat(events.await("refused")).startsWith("refused " + version(forgedAtStart))
          .contains("is not by the trusted key " + trust.trustedFingerprint().orElseThrow());
      assertThat(events.await("loaded")).isEqualTo("loaded " + version(signed));

      Checkpoint unsigned = publish(TestCheckpoints.tiny(model, "head", 3));
      assertThat(events.await("refused")).startsWith("refused " + version(unsigned)).contains("not signed");
      CheckpointSigning.use(forger);
      Checkpoint forgedLive = publish(TestCheckpoints.tiny(model, "head", 4));
      assertThat(events.await("refused")).startsWith("refused " + version(forgedLive)).contains("is not by");
      assertThat(current.version()).contains(version(signed));
    } finally {
      CheckpointSigning.useNone();
    }
  }
}
