package dev.lofi.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestBenchReportTest {

  private static final IngestBenchResult RESULT = new IngestBenchResult(300, "/tmp/v.mp4", true, 1280, 720, "h264",
      10.0, "cpu", 64, 3, 0.5, 0.75, List.of(0.5, 0.4, 0.6), List.of(0.7, 0.75, 0.8), 300, 298,
      new LinkedHashMap<>(Map.of("full", 32)), "5.1", "8.0.1", "ffmpeg -i /tmp/v.mp4", "auto");

  @Test
  void theJsonObjectStartsWithTheContractKeys() throws Exception {
    JsonNode json = new ObjectMapper().readTree(IngestBenchReport.json(RESULT));

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 4)).containsExactly("frames", "fps", "ffmpeg_fps", "ratio");
    assertThat(json.get("frames").asLong()).isEqualTo(300);
    assertThat(json.get("fps").asDouble()).isEqualTo(600.0);
    assertThat(json.get("ffmpeg_fps").asDouble()).isEqualTo(400.0);
    assertThat(json.get("ratio").asDouble()).isEqualTo(1.5);
  }

  @Test
  void theJsonCarriesTheContextInSnakeCase() throws Exception {
    JsonNode json = new ObjectMapper().readTree(IngestBenchReport.json(RESULT));

    assertThat(json.get("video").asText()).isEqualTo("/tmp/v.mp4");
    assertThat(json.get("video_generated").asBoolean()).isTrue();
    assertThat(json.get("duration_seconds").asDouble()).isEqualTo(10.0);
    assertThat(json.get("ffmpeg_seconds").asDouble()).isEqualTo(0.75);
    assertThat(json.get("converted_frames").asLong()).isEqualTo(298);
    assertThat(json.get("snippets").get("full").asInt()).isEqualTo(32);
    assertThat(json.has("run_seconds")).isTrue();
    assertThat(json.has("decoder_threads")).isTrue();
  }

  @Test
  void theTextReportGivesBothRatesTheRatioAndWhereTheVideoCameFrom() {
    String text = IngestBenchReport.text(RESULT);

    assertThat(text).contains("generated test video").contains("600.0 frames/s").contains("400.0 frames/s")
        .contains("ratio   1.50").contains("process start-up included");
  }
}
