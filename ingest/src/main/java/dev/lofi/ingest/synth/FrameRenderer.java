package dev.lofi.ingest.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders the frames of one video plan into BGR byte arrays: the backdrop as the camera sees it,
 * the cast at their poses, then flicker and per-pixel noise. Frame {@code i} depends only on the
 * plan and {@code i}, whatever order frames are rendered in.
 */
final class FrameRenderer {

  /** Standard deviation of {@code (a + b - 255)} for two uniform bytes: scales the triangular noise. */
  private static final double TRIANGLE_STD = 104.5;

  private final VideoPlan plan;
  private final Backdrop backdrop;
  private final CameraPath camera;
  private final List<ObjectTrack> tracks;
  private final long noiseSeed;
  private final int noise1024;

  FrameRenderer(VideoPlan plan) {
    this.plan = plan;
    SplittableRandom random = new SplittableRandom(plan.scenery().seed());
    this.backdrop = Backdrop.of(plan.scenery(), plan.preset(), random.split());
    this.camera = CameraPath.of(plan.scenery(), plan.preset(), plan.frames(), random.split());
    this.tracks = Choreography.tracks(plan);
    this.noiseSeed = random.nextLong();
    this.noise1024 = (int) Math.round(plan.scenery().noise() / TRIANGLE_STD * 1024);
  }

  int width() {
    return plan.preset().width();
  }

  int height() {
    return plan.preset().height();
  }

  int frames() {
    return plan.frames();
  }

  /** Bytes of one frame. */
  int frameBytes() {
    return width() * height() * 3;
  }

  /** Renders frame {@code frame} into {@code bgr}, which must hold {@link #frameBytes()}. */
  void render(int frame, byte[] bgr) {
    if (frame < 0 || frame >= frames()) {
      throw new IllegalArgumentException("frame must be in [0, " + frames() + "), got " + frame);
    }
    if (bgr.length != frameBytes()) {
      throw new IllegalArgumentException("frame buffer must hold " + frameBytes() + " bytes, got " + bgr.length);
    }
    int dx = camera.offsetX(frame);
    int dy = camera.offsetY(frame);
    backdrop.copyView(dx, dy, bgr, width(), height());
    double unit = height();
    for (int i = 0; i < tracks.size(); i++) {
      Pose pose = tracks.get(i).pose(frame);
      SpritePainter.paint(bgr, width(), height(), plan.cast().get(i).look(), pose.x() * unit - dx,
          pose.y() * unit - dy, pose.scale(), pose.angle(), unit);
    }
    expose(bgr, camera.gain256(frame), frame);
  }

  /** Applies the frame's brightness gain and adds triangular noise to every byte. */
  private void expose(byte[] bgr, int gain256, int frame) {
    long state = mix(noiseSeed + frame * 0x9E3779B97F4A7C15L);
    for (int i = 0; i < bgr.length; i += 3) {
      // xorshift64: one draw gives two noise bytes for each of the three channels.
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      for (int c = 0; c < 3; c++) {
        int noise = (int) ((state >>> (16 * c) & 0xFF) + (state >>> (16 * c + 8) & 0xFF)) - 255;
        int value = ((bgr[i + c] & 0xFF) * gain256 >> 8) + (noise * noise1024 + 512 >> 10);
        bgr[i + c] = (byte) Math.max(0, Math.min(255, value));
      }
    }
  }

  /** SplitMix64's finaliser, so that neighbouring frames get unrelated noise; xorshift needs a non-zero state. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return z == 0 ? 1 : z;
  }
}
