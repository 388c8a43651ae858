package dev.lofi.ingest.synth;

import dev.lofi.topics.record.VideoAnnotations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A whole SynthTAL set as drawn from its seed, before any pixel is rendered: the untrimmed videos
 * (with their ground truth) and the trimmed clips. Same config, equal plan.
 */
public final class SynthPlan {

  static final String TRAINING = "training";
  static final String VALIDATION = "validation";
  /** The subset of the trimmed clips, the source domain of the encoder's pre-training. */
  public static final String PRETRAIN = "pretrain";
  private static final double VALIDATION_SHARE = 0.25;

  private final List<VideoPlan> videos;
  private final List<TrimmedClip> clips;

  private SynthPlan(List<VideoPlan> videos, List<TrimmedClip> clips) {
    this.videos = List.copyOf(videos);
    this.clips = List.copyOf(clips);
  }

  /** Draws the set {@code config} describes. */
  public static SynthPlan of(SynthTalConfig config) {
    SplittableRandom root = new SplittableRandom(config.seed());
    // Separate streams, so that the number of videos does not change the trimmed clips, nor the reverse.
    SplittableRandom videoRandom = root.split();
    SplittableRandom clipRandom = root.split();
    VideoPlanner planner = new VideoPlanner(config.preset(), config.legible());
    boolean[] validation = validationMask(config.videos(), videoRandom);
    ClassDeck deck = new ClassDeck(videoRandom.split());
    List<VideoPlan> videos = new ArrayList<>();
    for (int i = 0; i < config.videos(); i++) {
      videos.add(planner.untrimmed(String.format(Locale.ROOT, "synth_%03d", i), validation[i] ? VALIDATION : TRAINING, deck,
          videoRandom.split()));
    }
    List<TrimmedClip> clips = new ArrayList<>();
    for (ActionClass action : ActionClass.values()) {
      for (int n = 0; n < config.clipsPerClass(); n++) {
        clips.add(new TrimmedClip(action.label(),
            planner.trimmed(clipId(action.label(), n), action, clipRandom.split())));
      }
    }
    for (int n = 0; n < config.backgroundClips(); n++) {
      clips.add(new TrimmedClip(TrimmedClip.BACKGROUND,
          planner.trimmed(clipId(TrimmedClip.BACKGROUND, n), null, clipRandom.split())));
    }
    return new SynthPlan(videos, clips);
  }

  /** A quarter of the videos, at least one when there are two or more, picked at random. */
  private static boolean[] validationMask(int count, SplittableRandom random) {
    int validation = count < 2 ? 0 : Math.max(1, (int) Math.round(count * VALIDATION_SHARE));
    boolean[] mask = new boolean[count];
    Arrays.fill(mask, 0, validation, true);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      boolean swap = mask[i];
      mask[i] = mask[j];
      mask[j] = swap;
    }
    return mask;
  }

  private static String clipId(String label, int n) {
    return String.format(Locale.ROOT, "%s_%02d", label, n);
  }

  /** The action labels, in a fixed order. */
  public List<String> taxonomy() {
    return Arrays.stream(ActionClass.values()).map(ActionClass::label).toList();
  }

  /** The ground truth of the untrimmed videos. */
  public List<VideoAnnotations> annotations() {
    return videos.stream().map(VideoPlan::annotations).toList();
  }

  /** The trimmed clips as ground truth, subset {@link #PRETRAIN}: each one whole-clip segment of its label. */
  public List<VideoAnnotations> trimmedAnnotations() {
    return clips.stream().map(clip -> clip.annotations(PRETRAIN)).toList();
  }

  List<VideoPlan> videos() {
    return videos;
  }

  List<TrimmedClip> clips() {
    return clips;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SynthPlan plan && videos.equals(plan.videos) && clips.equals(plan.clips);
  }

  @Override
  public int hashCode() {
    return 31 * videos.hashCode() + clips.hashCode();
  }
}
