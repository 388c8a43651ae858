import dev.lofi.ingest.encode.VideoWriter;
import java.nio.file.*;
import java.util.*;

/**
 * A motion-only localization data set unlike SynthTAL, for issue 14's separate check: five other
 * motions (figure eight, bob, sweep, shake, blink) of one disc whose colour and size are the
 * video's, look-alike still discs, a drifting striped backdrop with flicker and noise, 192x144 at
 * 12 fps, 24-48 s. Writes videos/ and annotations.json (36 training, 10 validation videos, no
 * pretrain subset) and test/videos/ with test/annotations.json (12 held-out videos, listed as
 * subset validation so that lofi evaluate --subset validation scores them).
 *
 * <p>Usage: java -cp "ingest jar:classpath" OtherMotions.java OUT SEED
 */
public class OtherMotions {
  static final int W = 192, H = 144;
  static final double FPS = 12;
  static final String[] CLASSES = {"figure_eight", "bob", "sweep", "shake", "blink"};

  record Action(int cls, double start, double end) {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int train = 36, val = 10, test = 12;
    Random rng = new Random(seed);
    StringBuilder main = new StringBuilder(), held = new StringBuilder();
    int deck = 0;
    List<Integer> order = new ArrayList<>();
    for (int v = 0; v < train + val + test; v++) {
      String subset = v < train ? "training" : v < train + val ? "validation" : "test";
      String id = "om_" + seed + "_" + v;
      double duration = 24 + rng.nextDouble() * 24;
      int count = 2 + rng.nextInt(3);
      List<Action> actions = new ArrayList<>();
      double t = 1 + rng.nextDouble() * 3;
      for (int a = 0; a < count; a++) {
        double len = 3 + rng.nextDouble() * 5;
        if (t + len > duration - 1) break;
        if (order.isEmpty()) { for (int c = 0; c < CLASSES.length; c++) order.add(c); Collections.shuffle(order, rng); }
        actions.add(new Action(order.remove(0), t, t + len));
        t += len + 1.5 + rng.nextDouble() * 4;
      }
      Path dir = Files.createDirectories(subset.equals("test") ? out.resolve("test/videos") : out.resolve("videos"));
      render(dir.resolve(id + ".mp4"), duration, actions, new Random(rng.nextLong()));
      StringBuilder sb = subset.equals("test") ? held : main;
      if (sb.length() > 0) sb.append(",\n");
      sb.append("\"").append(id).append("\": {\"subset\": \"").append(subset.equals("test") ? "validation" : subset)
          .append("\", \"duration\": ").append(String.format(Locale.ROOT, "%.3f", duration)).append(", \"annotations\": [");
      for (int a = 0; a < actions.size(); a++) {
        Action x = actions.get(a);
        sb.append(a == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"segment\": [%.3f, %.3f], \"label\": \"%s\"}",
            x.start, x.end, CLASSES[x.cls]));
      }
      sb.append("]}");
      System.out.println(subset + " " + id + " " + String.format(Locale.ROOT, "%.1f s", duration) + " " + actions.size() + " actions");
    }
    Files.writeString(out.resolve("annotations.json"), "{\"version\": \"other-motions\", \"database\": {\n" + main + "\n}}\n");
    Files.writeString(out.resolve("test/annotations.json"), "{\"version\": \"other-motions\", \"database\": {\n" + held + "\n}}\n");
  }

  static void render(Path file, double duration, List<Action> actions, Random rng) throws Exception {
    int frames = (int) Math.floor(duration * FPS);
    int[] base = {60 + rng.nextInt(100), 60 + rng.nextInt(100), 60 + rng.nextInt(100)};
    double angle = rng.nextDouble() * Math.PI, freq = 0.08 + rng.nextDouble() * 0.12, drift = 0.5 + rng.nextDouble();
    double ca = Math.cos(angle), sa = Math.sin(angle);
    int[] actor = {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
    int radius = 9 + rng.nextInt(5);
    int lookalikes = 1 + rng.nextInt(2);
    double[][] still = new double[lookalikes][];
    for (int i = 0; i < lookalikes; i++) still[i] = new double[] {20 + rng.nextInt(W - 40), 20 + rng.nextInt(H - 40)};
    double x = W / 2.0, y = H / 2.0, vx = 0, vy = 0;
    byte[] bgr = new byte[W * H * 3];
    try (VideoWriter writer = VideoWriter.open(file, VideoWriter.Format.H264_MP4, W, H, FPS, 0.5)) {
      Action current = null;
      double ax = x, ay = y, sweepX = 0, sweepY = 0;
      for (int f = 0; f < frames; f++) {
        double t = f / FPS;
        Action now = null;
        for (Action a : actions) if (t >= a.start && t < a.end) now = a;
        if (now != current) {
          current = now;
          ax = x; ay = y;
          double dir = rng.nextDouble() * 2 * Math.PI;
          sweepX = 45 * Math.cos(dir); sweepY = 45 * Math.sin(dir);
        }
        double px = x, py = y;
        boolean visible = true;
        if (current == null) {
          vx = 0.9 * vx + rng.nextGaussian() * 0.3; vy = 0.9 * vy + rng.nextGaussian() * 0.3;
          x = clamp(x + vx, radius + 30, W - radius - 30); y = clamp(y + vy, radius + 25, H - radius - 25);
          px = x; py = y;
        } else {
          double s = t - current.start;
          switch (current.cls) {
            case 0 -> { px = ax + 22 * Math.sin(2 * Math.PI * s / 2.0); py = ay + 12 * Math.sin(4 * Math.PI * s / 2.0); }
            case 1 -> { px = ax; py = ay + 14 * Math.sin(2 * Math.PI * s / 0.8); }
            case 2 -> { x = x + sweepX / FPS; y = y + sweepY / FPS;
              if (x < radius || x > W - radius) { sweepX = -sweepX; x = clamp(x, radius, W - radius); }
              if (y < radius || y > H - radius) { sweepY = -sweepY; y = clamp(y, radius, H - radius); }
              px = x; py = y; }
            case 3 -> { px = ax + rng.nextGaussian() * 3.5; py = ay + rng.nextGaussian() * 1.0; }
            case 4 -> { px = ax; py = ay; visible = ((int) Math.floor(s * 4)) % 2 == 0; }
            default -> throw new IllegalStateException();
          }
          if (current.cls != 2) { x = clamp(px, radius, W - radius); y = clamp(py, radius, H - radius); px = x; py = y; }
          if (current.cls == 0 || current.cls == 1 || current.cls == 3 || current.cls == 4) { x = ax; y = ay; }
        }
        double phase = t * drift;
        double flicker = 1 + 0.04 * Math.sin(2 * Math.PI * t * 0.37);
        for (int r = 0; r < H; r++) {
          for (int c = 0; c < W; c++) {
            double tex = 22 * Math.sin(freq * (c * ca + r * sa) + phase) + 10 * Math.sin(0.31 * c - 0.17 * r);
            int i = (r * W + c) * 3;
            boolean onActor = visible && sq(c - px) + sq(r - py) <= radius * radius;
            boolean onStill = false;
            for (double[] s : still) onStill |= sq(c - s[0]) + sq(r - s[1]) <= radius * radius;
            for (int k = 0; k < 3; k++) {
              double v = onActor || onStill ? actor[k] : (base[k] + tex) * flicker;
              v += rng.nextGaussian() * 5;
              bgr[i + k] = (byte) (int) clamp(v, 0, 255);
            }
          }
        }
        writer.write(bgr);
      }
    }
  }

  static double sq(double v) { return v * v; }
  static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
