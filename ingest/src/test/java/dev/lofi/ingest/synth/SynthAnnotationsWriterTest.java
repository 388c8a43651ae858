package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.topics.record.GroundTruthSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthAnnotationsWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void writesActivityNetJsonWithBothSubsetsAndSegmentsInsideEachVideo(@TempDir Path dir) throws IOException {
    SynthPlan plan = SynthPlan.of(SynthTalConfig.defaults(dir).withVideos(8));
    Path file = dir.resolve("annotations.json");
    SynthAnnotationsWriter.write(file, plan, SynthPreset.CPU);

    JsonNode root = MAPPER.readTree(file.toFile());
    assertThat(fieldNames(root)).containsExactly("version", "taxonomy", "database");
    assertThat(root.get("version").asText()).isEqualTo("SynthTAL 1");
    assertThat(MAPPER.convertValue(root.get("taxonomy"), new TypeReference<List<String>>() { })).isEqualTo(plan.taxonomy());
    Set<String> subsets = new HashSet<>();
    for (VideoPlan video : plan.videos()) {
      JsonNode entry = root.get("database").get(video.id());
      assertThat(fieldNames(entry)).containsExactly("subset", "duration", "fps", "resolution", "annotations");
      subsets.add(entry.get("subset").asText());
      double duration = entry.get("duration").asDouble();
      assertThat(duration).isCloseTo(video.durationSeconds(), within(1e-9));
      assertThat(entry.get("fps").asDouble()).isEqualTo(15.0);
      assertThat(entry.get("resolution").asText()).isEqualTo("160x120");
      double previousEnd = 0;
      for (JsonNode annotation : entry.get("annotations")) {
        assertThat(fieldNames(annotation)).containsExactly("segment", "label");
        GroundTruthSegment segment = MAPPER.treeToValue(annotation, GroundTruthSegment.class);
        assertThat(plan.taxonomy()).contains(segment.label());
        assertThat(segment.start()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(segment.end()).isLessThanOrEqualTo(duration);
        previousEnd = segment.end();
      }
    }
    assertThat(subsets).containsExactlyInAnyOrder("training", "validation");
  }
}
