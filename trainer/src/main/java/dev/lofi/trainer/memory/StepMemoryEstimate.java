package dev.lofi.trainer.memory;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.network.LocalizationNetwork;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one joint encoder-and-head training step (forward, backward, SGD-with-momentum update) of
 * B videos at one fidelity costs in memory, worked out from the network's shapes before any step
 * runs, so that {@code --memory-budget} can refuse a run that cannot fit instead of failing in it.
 *
 * <p><b>The model.</b> On DJL every array a forward op returns belongs to the step's sub-manager
 * and lives until that manager closes, after the optimizer update; autograd's saved tensors are a
 * subset of them. So the step's peak is, in float32 bytes:
 * <ul>
 *   <li><i>input</i>: the batch {@code [B, L, T, 3, S, S]};
 *   <li><i>activations</i>: every forward output, found by walking the built network's blocks with
 *       DJL's {@code getOutputShapes} (the encoder for one snippet, times B x L; the head's children
 *       over every pyramid point). Views (reshape, transpose, identity) count nothing, a max-pool
 *       adds its int64 indices, a temporal shift its shifted channel groups, a head layer norm its
 *       element-wise arrays, the loss a dozen arrays of the head's outputs;
 *   <li><i>backward</i>: the gradients alive at once where backward peaks: four arrays of the
 *       widest residual unit's size, or two of the widest plain layer's (the stem), whichever is more;
 *   <li><i>parameters</i>: weights (batch-norm running statistics included), and for every trained
 *       parameter its gradient and its momentum.
 * </ul>
 * Not counted: the process's base (the JVM and its heap, libtorch's code, thread pools and
 * allocator caches: a few hundred MiB on a CPU, there before training starts), one-time costs of
 * the first step (oneDNN kernels, autograd threads: about 40 MB measured), the trainer's Java-side
 * copies of the batch (uint8 payloads and a float array, on the heap), oneDNN's transient reorder
 * buffers beyond the one counted, and the allocator's fragmentation.
 *
 * <p><b>Against measurement</b> ({@code lofi bench train}'s probe: a JVM per run, peak resident
 * size above the size after initialization, glibc's mmap threshold at 64 KiB so freed tensors
 * leave): the cpu preset's network (TSM-ResNet-18 x0.25, stem stride 2) measured 1.05-1.21 times
 * this estimate over fidelities full, s, t, st and batches 1-8 (the first-step constant weighs most
 * at the smallest steps); the paper's network (x1.0, ImageNet stem) at 224 px and 112 px with L cut
 * to 2-8 snippets measured 0.99-1.01 times it. No fitted factor is applied: the model is within
 * about 20% as it stands, and for a budget the small, constant miss is the process's base.
 *
 * @param fidelity the fidelity's name
 * @param batch B, videos per step
 * @param inputBytes the input batch
 * @param activationBytes forward outputs kept until the step ends
 * @param backwardBytes gradients of activations alive at once during backward
 * @param weightBytes the parameters themselves, which exist before the step
 * @param gradientBytes a gradient per trained parameter
 * @param optimizerBytes SGD's momentum per trained parameter
 */
public record StepMemoryEstimate(String fidelity, int batch, long inputBytes, long activationBytes,
    long backwardBytes, long weightBytes, long gradientBytes, long optimizerBytes) {

  private static final long FLOAT_BYTES = DataType.FLOAT32.getNumOfBytes();

  public StepMemoryEstimate {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be positive, got " + batch);
    }
  }

  /** The estimate for one fidelity. */
  public static StepMemoryEstimate of(NetworkConfig config, Fidelity fidelity, int batch) {
    return profile(config, List.of(fidelity)).get(0).at(batch);
  }

  /**
   * The estimate for every fidelity of {@code preset}, full first, then the others in the paper's
   * order (s, t, st; other names after, by name).
   */
  public static Map<String, StepMemoryEstimate> forPreset(NetworkConfig config, FidelityPreset preset, int batch) {
    Map<String, StepMemoryEstimate> estimates = new LinkedHashMap<>();
    for (Profile p : profile(config, ordered(preset))) {
      estimates.put(p.fidelity().name(), p.at(batch));
    }
    return estimates;
  }

  /**
   * Refuses, before anything runs, joint training whose step would not fit {@code budget}: each of
   * {@code fidelities} (a C-LoFi run cycles through several, so each must fit) at {@code batch}
   * videos per step, against {@link #totalBytes()}. The budget is the memory training itself may
   * take, the process's base (JVM, libtorch) aside.
   *
   * @param fidelities names of {@code preset}'s fidelities the run trains at
   * @return the estimates of {@code fidelities}, in that order, when all fit
   * @throws IllegalArgumentException when one does not fit, saying what it needs and what would fit:
   *     the preset's fidelities that fit at this batch and the largest batch that fits
   */
  public static Map<String, StepMemoryEstimate> check(MemoryBudget budget, NetworkConfig config,
      FidelityPreset preset, List<String> fidelities, int batch) {
    if (fidelities.isEmpty()) {
      throw new IllegalArgumentException("no fidelity to check");
    }
    preset.select(fidelities);                                            // unknown names fail here, named
    Map<String, Profile> profiles = new LinkedHashMap<>();
    for (Profile p : profile(config, ordered(preset))) {
      profiles.put(p.fidelity().name(), p);
    }
    Map<String, StepMemoryEstimate> requested = new LinkedHashMap<>();
    List<String> over = new ArrayList<>();
    for (String name : fidelities) {
      StepMemoryEstimate estimate = profiles.get(name).at(batch);
      requested.put(name, estimate);
      if (!budget.fits(estimate.totalBytes())) {
        over.add(name);
      }
    }
    if (!over.isEmpty()) {
      throw new IllegalArgumentException(refusal(budget, batch, over, profiles));
    }
    return requested;
  }

  /**
   * E.g. "full-fidelity joint training of batch 2 needs about 1.4 GiB per step, over the memory
   * budget of 1.0 GiB; at batch 2 the LoFi fidelities s/t/st need 0.4/0.4/0.4 GiB; full fidelity
   * fits batch 1 (0.7 GiB)".
   */
  private static String refusal(MemoryBudget budget, int batch, List<String> over, Map<String, Profile> profiles) {
    boolean gib = budget.bytes() >= 1L << 30;
    StringBuilder text = new StringBuilder();
    text.append(over.equals(List.of(FidelityPreset.FULL)) ? "full-fidelity joint training"
        : "joint training at fidelit" + (over.size() == 1 ? "y " : "ies ") + String.join("/", over));
    text.append(" of batch ").append(batch).append(" needs about ")
        .append(sizes(over.stream().map(n -> profiles.get(n).at(batch).totalBytes()).toList(), gib))
        .append(" per step, over the memory budget of ").append(size(budget.bytes(), gib));
    List<String> fitting = profiles.keySet().stream()
        .filter(n -> budget.fits(profiles.get(n).at(batch).totalBytes())).toList();
    if (fitting.isEmpty()) {
      text.append("; no fidelity fits batch ").append(batch);
    } else {
      boolean lofi = !fitting.contains(FidelityPreset.FULL);
      text.append("; at batch ").append(batch).append(lofi ? " the LoFi fidelit" : " fidelit")
          .append(fitting.size() == 1 ? "y " : "ies ").append(String.join("/", fitting))
          .append(fitting.size() == 1 ? " needs " : " need ")
          .append(sizes(fitting.stream().map(n -> profiles.get(n).at(batch).totalBytes()).toList(), gib));
    }
    for (String name : over) {
      String who = name.equals(FidelityPreset.FULL) ? "full fidelity" : "fidelity " + name;
      int smaller = batch - 1;
      while (smaller >= 1 && !budget.fits(profiles.get(name).at(smaller).totalBytes())) {
        smaller--;
      }
      text.append("; ").append(who).append(smaller >= 1
          ? " fits batch " + smaller + " (" + size(profiles.get(name).at(smaller).totalBytes(), gib) + ")"
          : " does not fit even batch 1 (" + size(profiles.get(name).at(1).totalBytes(), gib) + ")");
    }
    return text.toString();
  }

  private static String sizes(List<Long> bytes, boolean gib) {
    return bytes.stream().map(b -> number(b, gib)).collect(Collectors.joining("/")) + (gib ? " GiB" : " MiB");
  }

  private static String size(long bytes, boolean gib) {
    return sizes(List.of(bytes), gib);
  }

  private static String number(long bytes, boolean gib) {
    return gib ? String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.0f", bytes / (double) (1L << 20));
  }

  /** What the step adds to a process that already holds the network: the measured peak's counterpart. */
  public long stepBytes() {
    return inputBytes + activationBytes + backwardBytes + gradientBytes + optimizerBytes;
  }

  /** The step with the weights: what a memory budget must hold. */
  public long totalBytes() {
    return stepBytes() + weightBytes;
  }

  /** The preset's fidelities, full first, then s, t, st, then any other by name. */
  static List<Fidelity> ordered(FidelityPreset preset) {
    List<String> known = FidelityPreset.NAMES;
    List<Fidelity> fidelities = new ArrayList<>(preset.fidelities().values());
    fidelities.sort(Comparator.comparingInt((Fidelity f) -> known.contains(f.name()) ? known.indexOf(f.name())
        : known.size()).thenComparing(Fidelity::name));
    return fidelities;
  }

  /**
   * Builds the network once, initializes it at one snippet of one frame size (parameters only),
   * and walks it for each fidelity.
   */
  static List<Profile> profile(NetworkConfig config, List<Fidelity> fidelities) {
    if (fidelities.isEmpty()) {
      throw new IllegalArgumentException("no fidelity to estimate");
    }
    LocalizationNetwork network = config.build();
    int side = fidelities.get(0).frameSize();
    try (NDManager manager = NDManager.newBaseManager()) {
      network.initialize(manager, DataType.FLOAT32,
          new Shape(1, 1, config.framesPerSnippet(), TsmResNet.CHANNELS, side, side)); // [B, L, T, C, H, W]
      long weights = 0;
      long trained = 0;
      for (Parameter parameter : network.getParameters().values()) {
        long size = parameter.getArray().getShape().size();
        weights += size;
        trained += parameter.requiresGradient() ? size : 0;
      }
      List<Profile> profiles = new ArrayList<>();
      for (Fidelity fidelity : fidelities) {
        if (fidelity.framesPerSnippet() != config.framesPerSnippet()) {
          throw new IllegalArgumentException("fidelity " + fidelity.name() + " has " + fidelity.framesPerSnippet()
              + " frames per snippet, the network " + config.framesPerSnippet());
        }
        profiles.add(new Profile(fidelity, ActivationWalk.perVideo(network, fidelity), weights, trained));
      }
      return profiles;
    }
  }

  /** A fidelity's per-video and fixed element counts, from which any batch's estimate follows. */
  record Profile(Fidelity fidelity, ActivationWalk.PerVideo perVideo, long weights, long trained) {

    StepMemoryEstimate at(int batch) {
      return new StepMemoryEstimate(fidelity.name(), batch,
          bytes(batch * perVideo.input()),
          bytes(batch * perVideo.activations()),
          bytes(batch * perVideo.backward()),
          bytes(weights), bytes(trained), bytes(trained));
    }

    private static long bytes(double elements) {
      return Math.round(elements * FLOAT_BYTES);
    }
  }
}
