package dev.lofi.model.preset;

import dev.lofi.model.encoder.TsmResNet;
import dev.lofi.model.head.TalHeads;
import dev.lofi.model.head.gtad.GtadHead;
import dev.lofi.model.network.NetworkConfig;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a preset fixes for every service, so that nothing else repeats it: the fidelities, the
 * network trained at them, the window the live localizer slides (full fidelity's snippet count,
 * the length the head was trained on) and the model name checkpoints go under.
 */
public enum LofiPreset {

  /** The paper's ratios at a size two CPU cores train in minutes: a quarter of the width, smaller heads. */
  CPU(FidelityPreset.CPU, 0.25f, Map.of(
      TalHeads.ANCHOR_FREE, Map.of("embedDim", "64", "levels", "3", "headLayers", "2"),
      GtadHead.KIND, Map.of("hiddenDim", "64", "width", "32", "samples", "8", "alignDim", "128", "mapDim", "64"))),

  /** The paper's fidelities and TSM-ResNet-18 at full width with each head's own defaults. */
  PAPER(FidelityPreset.PAPER, 1.0f, Map.of());

  /** The head every command trains unless told otherwise: the anchor-free head, the fastest to train. */
  public static final String DEFAULT_HEAD = TalHeads.ANCHOR_FREE;

  private final FidelityPreset fidelities;
  private final float width;
  /** Head options by kind; a kind not named keeps its own defaults. */
  private final Map<String, Map<String, String>> heads;

  LofiPreset(FidelityPreset fidelities, float width, Map<String, Map<String, String>> heads) {
    this.fidelities = fidelities;
    this.width = width;
    this.heads = heads;
  }

  /** The preset of a name given on the command line ({@code cpu}, {@code paper}). */
  public static LofiPreset named(String name) {
    return Arrays.stream(values()).filter(p -> p.id().equals(name == null ? "" : name.toLowerCase(Locale.ROOT)))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown preset '" + name + "': use "
            + Arrays.stream(values()).map(LofiPreset::id).collect(Collectors.joining(" or "))));
  }

  /** The preset whose fidelities these are. */
  public static LofiPreset of(FidelityPreset fidelities) {
    return Arrays.stream(values()).filter(p -> p.fidelities == fidelities).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no preset has the fidelities of " + fidelities.name()));
  }

  /** The name on the command line. */
  public String id() {
    return fidelities.name();
  }

  /** The fidelities it ingests, trains and infers at. */
  public FidelityPreset fidelities() {
    return fidelities;
  }

  /** The network it trains, for {@code numClasses} action classes, with the default head ({@link #DEFAULT_HEAD}). */
  public NetworkConfig network(int numClasses) {
    return network(numClasses, DEFAULT_HEAD);
  }

  /** The network it trains with a head of {@code headKind} (a {@link TalHeads} kind), sized for this preset. */
  public NetworkConfig network(int numClasses, String headKind) {
    return NetworkConfig.builder().setNumClasses(numClasses).optWidthMultiplier(width)
        .optFramesPerSnippet(fidelities.full().framesPerSnippet())
        .optStemStride(TsmResNet.stemStrideFor(fidelities.full().frameSize()))
        .optHead(headKind, heads.getOrDefault(headKind, Map.of())).build();
  }

  /** The live localizer's window: as many snippets as a full-fidelity video gives the head in training. */
  public int liveWindow() {
    return fidelities.full().snippets();
  }

  /** The model name {@code lofi train} publishes under and the localizer loads: {@code lofi-<id>}. */
  public String modelName() {
    return "lofi-" + id();
  }

  /** The model name of the frozen-encoder baseline ({@code lofi train --baseline}): {@code baseline-<id>}. */
  public String baselineModelName() {
    return "baseline-" + id();
  }
}
