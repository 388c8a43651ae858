package dev.lofi.ingest.synth;

import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.util.List;

/**
 * Everything needed to render one video, drawn from the seed: its cast, who performs what when,
 * and the scenery. Rendering it is a pure function of this plan.
 *
 * @param subset {@code training} or {@code validation}; null for a trimmed clip
 * @param cast the objects, in drawing order
 * @param performances actions and near-misses, in order of start
 */
record VideoPlan(String id, String subset, SynthPreset preset, int frames, List<SceneObject> cast,
    List<Performance> performances, Scenery scenery) {

  VideoPlan {
    if (frames < 1) {
      throw new IllegalArgumentException(id + ": frames must be >= 1, got " + frames);
    }
    cast = List.copyOf(cast);
    performances = List.copyOf(performances);
    for (int i = 0; i < performances.size(); i++) {
      Performance performance = performances.get(i);
      if (performance.endFrame() > frames || performance.object() >= cast.size()) {
        throw new IllegalArgumentException(id + ": " + performance + " does not fit " + frames
            + " frames and " + cast.size() + " objects");
      }
      // An object does one thing at a time, and its performances are played in order of start.
      for (Performance earlier : performances.subList(0, i)) {
        if (earlier.startFrame() > performance.startFrame()
            || earlier.object() == performance.object() && earlier.overlaps(performance)) {
          throw new IllegalArgumentException(id + ": " + performance + " is out of order with or overlaps " + earlier);
        }
      }
    }
  }

  double durationSeconds() {
    return frames / preset.fps();
  }

  /** The annotated actions as ground truth, in seconds. */
  VideoAnnotations annotations() {
    List<GroundTruthSegment> segments = performances.stream()
        .filter(Performance::annotated)
        .map(act -> new GroundTruthSegment(act.action().label(), act.startFrame() / preset.fps(),
            act.endFrame() / preset.fps()))
        .toList();
    return new VideoAnnotations(id, subset, durationSeconds(), segments);
  }
}
