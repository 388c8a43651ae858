package dev.lofi.ingest.sampling;

import dev.lofi.ingest.decode.DecodedFrame;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.topics.record.DType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills the snippets of several fidelities from one stream of decoded frames. Every frame time any
 * fidelity needs is a target; a decoded frame takes the targets that fall before its midpoint to
 * the next frame, so each target gets the frame nearest to it (or the next converted one, if the
 * decoder skipped conversion of a frame it should not have). Snippets are handed on as soon as
 * their last frame arrives. Holds native scalers: close it.
 */
public final class MultiFidelitySampler implements AutoCloseable {

  private record Target(double seconds, int fidelity, int snippet, int slot) {}

  private final String videoId;
  private final List<SnippetSchedule> schedules;
  private final Consumer<ClipSnippet> sink;
  private final double halfFrame;
  private final int decodeSize;
  private final Map<Integer, AreaResampler> resamplers = new HashMap<>();
  private final Target[] targets;
  private final List<Map<Integer, byte[]>> open = new ArrayList<>();
  private final List<Map<Integer, Integer>> filled = new ArrayList<>();
  private int next;

  /**
   * @param schedules one per fidelity to sample
   * @param frameSeconds the nominal frame duration; half of it is the reach of a frame
   * @param sink receives each finished snippet, per fidelity in index order
   */
  public MultiFidelitySampler(String videoId, List<SnippetSchedule> schedules, double frameSeconds,
      Consumer<ClipSnippet> sink) {
    if (schedules.isEmpty()) {
      throw new IllegalArgumentException("no fidelity to sample");
    }
    this.videoId = videoId;
    this.schedules = List.copyOf(schedules);
    this.sink = sink;
    this.halfFrame = frameSeconds / 2;
    this.decodeSize = schedules.stream().mapToInt(s -> s.fidelity().frameSize()).max().orElseThrow();
    List<Target> all = new ArrayList<>();
    for (int f = 0; f < schedules.size(); f++) {
      Fidelity fidelity = schedules.get(f).fidelity();
      for (int i = 0; i < fidelity.snippets(); i++) {
        for (int k = 0; k < fidelity.framesPerSnippet(); k++) {
          all.add(new Target(schedules.get(f).frameTime(i, k), f, i, k));
        }
      }
      open.add(new HashMap<>());
      filled.add(new HashMap<>());
    }
    // Stable sort: equal times keep fidelity, snippet and slot order, so snippets finish in order.
    all.sort(Comparator.comparingDouble(Target::seconds));
    this.targets = all.toArray(Target[]::new);
  }

  /** The side frames must be decoded at: the largest of the fidelities; smaller ones are derived. */
  public int decodeSize() {
    return decodeSize;
  }

  /** Whether a frame expected at about {@code seconds} is needed, so worth converting to RGB. */
  public boolean wants(double seconds) {
    return next < targets.length && targets[next].seconds() < seconds + 2 * halfFrame;
  }

  /** Takes the targets a decoded frame is nearest to; frames without RGB take none. */
  public void accept(DecodedFrame frame) {
    if (!frame.converted()) {
      return;
    }
    Map<Integer, byte[]> bySize = new HashMap<>();
    while (next < targets.length && targets[next].seconds() < frame.mediaSeconds() + halfFrame) {
      Target target = targets[next++];
      Fidelity fidelity = schedules.get(target.fidelity()).fidelity();
      byte[] pixels = bySize.computeIfAbsent(fidelity.frameSize(), size -> resize(frame.rgb(), size));
      place(target, fidelity, pixels);
    }
  }

  /** Whether every target has its frame. */
  public boolean complete() {
    return next == targets.length;
  }

  private void place(Target target, Fidelity fidelity, byte[] pixels) {
    int frameBytes = pixels.length;
    byte[] payload = open.get(target.fidelity())
        .computeIfAbsent(target.snippet(), i -> new byte[Math.toIntExact(fidelity.snippetBytes())]);
    System.arraycopy(pixels, 0, payload, target.slot() * frameBytes, frameBytes);
    int count = filled.get(target.fidelity()).merge(target.snippet(), 1, Integer::sum);
    if (count == fidelity.framesPerSnippet()) {
      open.get(target.fidelity()).remove(target.snippet());
      filled.get(target.fidelity()).remove(target.snippet());
      SnippetSchedule schedule = schedules.get(target.fidelity());
      sink.accept(new ClipSnippet(videoId, fidelity.name(), target.snippet(), fidelity.snippets(),
          schedule.cellStart(target.snippet()), schedule.cellEnd(target.snippet()), ClipSnippet.NOT_LIVE,
          false, false, fidelity.framesPerSnippet(), fidelity.frameSize(), fidelity.frameSize(), 3,
          DType.UINT8, payload));
    }
  }

  /** Frees the native scalers. */
  @Override
  public void close() {
    resamplers.values().forEach(AreaResampler::close);
    resamplers.clear();
  }

  private byte[] resize(byte[] rgb, int size) {
    return size == decodeSize ? rgb : resamplers.computeIfAbsent(size, s -> new AreaResampler(decodeSize, s)).resample(rgb);
  }
}
