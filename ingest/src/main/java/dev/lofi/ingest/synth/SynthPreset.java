package dev.lofi.ingest.synth;

import java.util.Locale;

/**
 * The frame format and video lengths of a SynthTAL set. {@code cpu} is small enough to train on two
 * cores; {@code paper} has larger frames at the frame rate of the paper's data.
 *
 * @param width frame width, pixels, even (H.264 with 4:2:0 chroma) and at least the height
 * @param height frame height, pixels, even; also the scene unit objects are sized in
 * @param fps frames per second
 * @param minVideoSeconds shortest untrimmed video
 * @param maxVideoSeconds longest untrimmed video
 */
public record SynthPreset(String name, int width, int height, double fps, double minVideoSeconds, double maxVideoSeconds) {

  /** 160x120 at 15 fps, videos of 20 to 40 s. */
  public static final SynthPreset CPU = new SynthPreset("cpu", 160, 120, 15, 20, 40);

  /** 320x240 at 30 fps, videos of 20 to 60 s. */
  public static final SynthPreset PAPER = new SynthPreset("paper", 320, 240, 30, 20, 60);

  /** A video must hold the shortest action and an idle gap on each side of it. */
  static final double MIN_VIDEO_SECONDS = Performance.MIN_ACTION_SECONDS + 2 * VideoPlanner.EDGE_GAP_SECONDS;

  public SynthPreset {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, got '" + name + "'");
    }
    if (width < 32 || height < 32 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("frame size must be even and >= 32, got " + width + "x" + height);
    }
    if (width < height) {
      // Actors are placed and move across a frame at least as wide as it is high.
      throw new IllegalArgumentException("frames must be landscape or square, got " + width + "x" + height);
    }
    if (!(fps >= 1 && fps <= 120)) {
      throw new IllegalArgumentException("fps must be in [1, 120], got " + fps);
    }
    if (!(minVideoSeconds >= MIN_VIDEO_SECONDS && maxVideoSeconds >= minVideoSeconds)) {
      throw new IllegalArgumentException("video seconds must satisfy " + MIN_VIDEO_SECONDS
          + " <= min <= max, got [" + minVideoSeconds + ", " + maxVideoSeconds + "]");
    }
  }

  /** The preset of a name given on the command line. */
  public static SynthPreset named(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "cpu" -> CPU;
      case "paper" -> PAPER;
      default -> throw new IllegalArgumentException("unknown SynthTAL preset '" + name + "': use cpu or paper");
    };
  }

  /** This format with untrimmed videos of another length range (short ones keep tests fast). */
  public SynthPreset withVideoSeconds(double min, double max) {
    return new SynthPreset(name, width, height, fps, min, max);
  }

  /** This format at another frame rate, under a name of its own. */
  public SynthPreset withFps(String newName, double newFps) {
    return new SynthPreset(newName, width, height, newFps, minVideoSeconds, maxVideoSeconds);
  }

  /** The {@code WxH} form annotations use. */
  public String resolution() {
    return width + "x" + height;
  }

  /** Frame width in scene units (the height is 1). */
  double aspect() {
    return (double) width / height;
  }

  int frames(double seconds) {
    return (int) Math.round(seconds * fps);
  }
}
