package dev.lofi.cli;

import static dev.lofi.cli.LofiCommandTest.lofi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.cli.LofiCommandTest.Run;
import dev.lofi.ingest.TestVideos;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.scan.LatestValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lofi ingest --videos} with annotations, through a real broker. */
class IngestCommandTest {

  @TempDir
  Path dir;

  /** A video id of this test's own, since the broker is shared by the test JVM. */
  private final String id = "cli" + UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aBadEntryIsNamedWhileTheOthersArePublishedAndTheCorrectedFileUpdatesOnlyTheGroundTruth() throws IOException {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();
    Path video = TestVideos.lossless(dir.resolve(id + ".mkv"), 45, 15, 64, 48);
    Path bad = annotations("bad.json", "[0.5, 1.0]", "[2.0, 1.5]");
    String problem = bad + ": database." + id + ".annotations[1].segment: end 1.5 is not after start 2.0";

    Run first = lofi("ingest", "--videos", video.toString(), "--annotations", bad.toString(), "--bootstrap", bootstrap);

    assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
    assertThat(first.out()).contains("(ground truth: 1 segment)").contains("entry left out: " + problem)
        .contains("1 published, 0 ground truth updated, 0 skipped, 0 failed")
        .contains("annotation problems (1)").contains("  entry left out: " + problem);

    awaitCommitted(bootstrap);
    Path fixed = annotations("fixed.json", "[0.5, 1.0]", "[1.5, 2.0]");
    Run second = lofi("ingest", "--videos", video.toString(), "--annotations", fixed.toString(),
        "--bootstrap", bootstrap);

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("updated ground truth of " + id + ": 2 segments (was 1)")
        .contains("0 published, 1 ground truth updated, 0 skipped, 0 failed").doesNotContain("annotation problems");
  }

  /** An ActivityNet file with the test's video, of 3 s in subset training, whose actions are "wave". */
  private Path annotations(String name, String... segments) throws IOException {
    StringBuilder entries = new StringBuilder();
    for (String segment : segments) {
      entries.append(entries.isEmpty() ? "" : ", ").append("{\"segment\": ").append(segment)
          .append(", \"label\": \"wave\"}");
    }
    return Files.writeString(dir.resolve(name), "{\"database\": {\"" + id + "\": {\"subset\": \"training\", "
        + "\"duration\": 3.0, \"annotations\": [" + entries + "]}}}");
  }

  /** Waits for the first ingest's transaction markers, which land a moment after its commit returns. */
  private void awaitCommitted(String bootstrap) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!LatestValues.videos(bootstrap, "test").containsKey(id)
        || !LatestValues.annotations(bootstrap, "test").containsKey(id)) {
      assertThat(System.nanoTime()).as(id + " visible in time").isLessThan(deadline);
    }
  }
}
