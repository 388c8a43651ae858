package dev.lofi.ingest.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.decode.VideoDecodeException;
import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.ClipSnippet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetExtractionTest {

  @TempDir
  Path dir;

  @Test
  void onePassPicksTheScheduledFramesOfARealVideo() {
    Path video = TestVideos.lossless(dir.resolve("v.mkv"), 40, 10, 48, 32);
    VideoProbe probe = VideoDecoder.probe(video.toString());
    Fidelity fidelity = new Fidelity("x", 4, 8, 3, 2);
    List<ClipSnippet> snippets = new ArrayList<>();

    SnippetExtraction.Stats stats = SnippetExtraction.run("v", probe, List.of(fidelity), snippets::add);

    // Cell i is [i, i+1) s; frames 0.2 s apart around its centre: i+0.3, i+0.5, i+0.7 s.
    assertThat(snippets).extracting(SnippetExtractionTest::sourceFrames).containsExactly(
        seen(3, 5, 7), seen(13, 15, 17), seen(23, 25, 27), seen(33, 35, 37));
    assertThat(stats.convertedFrames()).isLessThan(stats.decodedFrames());
  }

  @Test
  void everyFidelityOfThePresetComesOutOfOneDecodeOfAnH264File() {
    Path video = TestVideos.h264(dir.resolve("v.mp4"), 90, 15, 96, 64);
    VideoProbe probe = VideoDecoder.probe(video.toString());
    List<ClipSnippet> snippets = new ArrayList<>();

    SnippetExtraction.run("v", probe, FidelityPreset.CPU.select(List.of("full", "s", "t", "st")), snippets::add);

    Map<String, Long> counts = snippets.stream().collect(Collectors.groupingBy(ClipSnippet::fidelity, Collectors.counting()));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("full", 32L, "s", 32L, "t", 8L, "st", 16L));
    assertThat(snippets).filteredOn(c -> c.fidelity().equals("st")).allMatch(c -> c.width() == 45 && c.height() == 45);
  }

  @Test
  void theFrameAfterAGapIsConvertedWhenTheLastSnippetsNeedIt() {
    // Frames 0.1 s apart, then the last one 0.6 s after the one before: a phone's stutter.
    double[] times = new double[21];
    java.util.Arrays.setAll(times, i -> i < 20 ? i / 10.0 : 2.5);
    Path video = TestVideos.variableRate(dir.resolve("gap.mkv"), times, 32, 24);
    VideoProbe probe = VideoDecoder.probe(video.toString());
    List<ClipSnippet> snippets = new ArrayList<>();

    SnippetExtraction.run("v", probe, List.of(new Fidelity("x", 4, 8, 3, 1)), snippets::add);

    // The last cell's targets lie between the two frames, nearer the last one or past the first one's reach.
    assertThat(snippets).hasSize(4);
    assertThat(sourceFrames(snippets.get(3))).containsExactlyElementsOf(seen(20, 20, 20));
  }

  @Test
  void aVideoDamagedInTheMiddleIsRefusedRatherThanSampledFromWhatSurvived() {
    Path video = TestVideos.h264(dir.resolve("v.mp4"), 150, 15, 96, 64);
    Path damaged = TestVideos.damaged(video, dir.resolve("damaged.mp4"), 0.3, 0.8);
    VideoProbe probe = VideoDecoder.probe(damaged.toString());

    assertThatThrownBy(() -> SnippetExtraction.run("v", probe, FidelityPreset.CPU.select(List.of("full")), c -> { }))
        .isInstanceOf(VideoDecodeException.class)
        .hasMessageContaining("damaged.mp4");
  }

  /** How frames look once decoded: grey levels repeat every few frames, so indices wrap. */
  private static List<Integer> seen(int... frames) {
    return java.util.Arrays.stream(frames).map(i -> TestVideos.indexOfLevel(TestVideos.level(i))).boxed().toList();
  }

  private static List<Integer> sourceFrames(ClipSnippet clip) {
    int frameBytes = clip.height() * clip.width() * 3;
    List<Integer> frames = new ArrayList<>();
    for (int k = 0; k < clip.frames(); k++) {
      frames.add(TestVideos.indexOfLevel(clip.payload()[k * frameBytes] & 0xFF));
    }
    return frames;
  }
}
