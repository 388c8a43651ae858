package dev.lofi.ingest.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a plan's ground truth as ActivityNet JSON: {@code {"version", "taxonomy": [labels],
 * "database": {id: {"subset", "duration", "fps", "resolution", "annotations": [{"segment", "label"}]}}}}.
 */
final class SynthAnnotationsWriter {

  static final String VERSION = "SynthTAL 1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SynthAnnotationsWriter() {}

  static void write(Path file, SynthPlan plan, SynthPreset preset) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    ArrayNode taxonomy = root.putArray("taxonomy");
    plan.taxonomy().forEach(taxonomy::add);
    ObjectNode database = root.putObject("database");
    for (VideoAnnotations video : plan.annotations()) {
      ObjectNode entry = database.putObject(video.videoId());
      entry.put("subset", video.subset());
      entry.put("duration", video.durationSeconds());
      entry.put("fps", preset.fps());
      entry.put("resolution", preset.resolution());
      ArrayNode annotations = entry.putArray("annotations");
      for (GroundTruthSegment segment : video.annotations()) {
        ObjectNode annotation = annotations.addObject();
        annotation.putArray("segment").add(segment.start()).add(segment.end());
        annotation.put("label", segment.label());
      }
    }
    MAPPER.writeValue(file.toFile(), root);
  }
}
