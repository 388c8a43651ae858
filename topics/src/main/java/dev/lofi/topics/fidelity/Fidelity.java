package dev.lofi.topics.fidelity;

import java.util.regex.Pattern;

/**
 * How a video is sampled at one fidelity: {@code snippets} snippets spread evenly over the video,
 * each {@code framesPerSnippet} frames taken {@code frameStride} source frames apart, every frame
 * resized to {@code frameSize x frameSize} RGB.
 *
 * @param name the fidelity's name, which is also the suffix of its clip topic ({@code lofi.clips.NAME})
 * @param snippets L, snippets per video
 * @param frameSize S, the side of the square frames in pixels
 * @param framesPerSnippet T, frames per snippet
 * @param frameStride source frames between two sampled frames of a snippet
 */
public record Fidelity(String name, int snippets, int frameSize, int framesPerSnippet, int frameStride) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public Fidelity {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("illegal fidelity name '" + name + "'");
    }
    if (snippets < 1) {
      throw new IllegalArgumentException(name + ": snippets must be >= 1, got " + snippets);
    }
    if (frameSize < 8 || frameSize > 1024) {
      throw new IllegalArgumentException(name + ": frameSize must be 8..1024, got " + frameSize);
    }
    if (framesPerSnippet < 1) {
      throw new IllegalArgumentException(name + ": framesPerSnippet must be >= 1, got " + framesPerSnippet);
    }
    if (frameStride < 1) {
      throw new IllegalArgumentException(name + ": frameStride must be >= 1, got " + frameStride);
    }
  }

  /** Bytes of one snippet's uint8 RGB payload. */
  public long snippetBytes() {
    return (long) framesPerSnippet * frameSize * frameSize * 3;
  }

  /**
   * Pixels a whole video costs the encoder at this fidelity, relative to {@code other}: the
   * paper's budget measure (snippets x frame area).
   */
  public double costRelativeTo(Fidelity other) {
    return (double) snippets * frameSize * frameSize * framesPerSnippet
        / ((double) other.snippets * other.frameSize * other.frameSize * other.framesPerSnippet);
  }
}
