package dev.lofi.trainer.data;

import dev.lofi.topics.record.GroundTruthSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trimmed clips cut from annotated videos, the target-domain classification that TSP pre-trains
 * on, for data sets that come without trimmed clips. The snippets whose middle lies in a
 * ground-truth segment form a clip of its label (a segment shorter than the snippets' spacing
 * takes the one nearest its middle), and each run of snippets outside every segment forms a
 * background clip. Runs of background outnumber any one action, so at most as many are kept as
 * the most frequent action has clips, picked evenly over the videos: background is a class to
 * learn, not most of what is learnt.
 */
public final class SegmentClips {

  private SegmentClips() {}

  /**
   * The clips of {@code videos} (each with ground truth and every snippet located), in video
   * order, then time order.
   *
   * @param background the label of the stretches without an action
   */
  public static List<LabelledClip> cut(List<TrainingSet.Entry> videos, String background) {
    List<LabelledClip> actions = new ArrayList<>();
    List<LabelledClip> gaps = new ArrayList<>();
    for (TrainingSet.Entry video : videos) {
      cut(video, background, actions, gaps);
    }
    Map<String, Integer> perLabel = new TreeMap<>();
    actions.forEach(clip -> perLabel.merge(clip.label(), 1, Integer::sum));
    int keep = Math.min(gaps.size(), perLabel.values().stream().max(Integer::compare).orElse(gaps.size()));
    List<LabelledClip> clips = new ArrayList<>(actions);
    for (int i = 0; i < keep; i++) {
      clips.add(gaps.get((int) ((long) i * gaps.size() / keep)));
    }
    return clips;
  }

  private static void cut(TrainingSet.Entry video, String background, List<LabelledClip> actions,
      List<LabelledClip> gaps) {
    VideoLocation location = video.location();
    double[] middle = location.midpoints();
    boolean[] inAction = new boolean[middle.length];
    List<GroundTruthSegment> segments = video.truth().annotations();
    for (int s = 0; s < segments.size(); s++) {
      GroundTruthSegment segment = segments.get(s);
      List<Integer> inside = new ArrayList<>();
      for (int i = 0; i < middle.length; i++) {
        if (middle[i] >= segment.start() && middle[i] <= segment.end()) {
          inside.add(i);
        }
      }
      if (inside.isEmpty()) {
        inside.add(nearest(middle, (segment.start() + segment.end()) / 2));
      }
      inside.forEach(i -> inAction[i] = true);
      actions.add(new LabelledClip(location.videoId() + "#" + s, segment.label(), location,
          inside.stream().mapToInt(Integer::intValue).toArray()));
    }
    int gap = 0;
    for (int from = 0; from < middle.length; ) {
      if (inAction[from]) {
        from++;
        continue;
      }
      int to = from;
      while (to < middle.length && !inAction[to]) {
        to++;
      }
      int[] run = new int[to - from];
      for (int i = 0; i < run.length; i++) {
        run[i] = from + i;
      }
      gaps.add(new LabelledClip(location.videoId() + "#background" + gap++, background, location, run));
      from = to;
    }
  }

  private static int nearest(double[] middle, double time) {
    int best = 0;
    for (int i = 1; i < middle.length; i++) {
      if (Math.abs(middle[i] - time) < Math.abs(middle[best] - time)) {
        best = i;
      }
    }
    return best;
  }
}
