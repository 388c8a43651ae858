package dev.lofi.topics.fidelity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A named set of fidelities. {@code paper} is the LoFi paper's table (full 100 x 224, S 100 x 112,
 * T 25 x 224, ST 50 x 158; snippets of 8 frames, stride 8); {@code cpu} keeps its ratios at a size
 * two CPU cores train on in minutes.
 */
public record FidelityPreset(String name, Map<String, Fidelity> fidelities) {

  /** Name of the full-fidelity member every preset has: inference and feature extraction use it. */
  public static final String FULL = "full";

  /** The low fidelities every preset has: spatial, temporal and spatio-temporal, C-LoFi's cycle. */
  public static final List<String> LOW = List.of("s", "t", "st");

  /** Every preset's members, in this order: full, then {@link #LOW}. */
  public static final List<String> NAMES = List.of(FULL, LOW.get(0), LOW.get(1), LOW.get(2));

  /** {@link #NAMES} as a command line lists them; an option's default must be a constant string. */
  public static final String NAMES_OPTION = "full,s,t,st";

  /** {@link #LOW} as a command line lists them. */
  public static final String LOW_OPTION = "s,t,st";

  public static final FidelityPreset PAPER = of("paper", 8, 8,
      new int[][] {{100, 224}, {100, 112}, {25, 224}, {50, 158}});

  /**
   * Full is 32 snippets of 64 px; the others keep the paper's L and S ratios (S halves the side,
   * T quarters the snippets, ST halves the snippets and scales the side by 158/224). Snippets are
   * 8 frames 4 apart: SynthTAL's actions last a few seconds at 15 fps, so a stride of 8 would blur
   * them.
   */
  public static final FidelityPreset CPU = of("cpu", 8, 4,
      new int[][] {{32, 64}, {32, 32}, {8, 64}, {16, 45}});

  public FidelityPreset {
    if (!fidelities.containsKey(FULL)) {
      throw new IllegalArgumentException("preset " + name + " has no '" + FULL + "' fidelity");
    }
    // In the order given: the presets list full first, then the low fidelities.
    fidelities = Collections.unmodifiableMap(new LinkedHashMap<>(fidelities));
  }

  /** The preset of a name given on the command line. */
  public static FidelityPreset named(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "paper" -> PAPER;
      case "cpu" -> CPU;
      default -> throw new IllegalArgumentException("unknown preset '" + name + "': use cpu or paper");
    };
  }

  /** The full-fidelity member. */
  public Fidelity full() {
    return fidelities.get(FULL);
  }

  /** One member by name. */
  public Fidelity fidelity(String fidelityName) {
    Fidelity fidelity = fidelities.get(fidelityName);
    if (fidelity == null) {
      throw new IllegalArgumentException("preset " + name + " has no fidelity '" + fidelityName
          + "'; it has " + String.join(", ", fidelities.keySet().stream().sorted().toList()));
    }
    return fidelity;
  }

  /** Several members, in the order given. */
  public List<Fidelity> select(List<String> fidelityNames) {
    return fidelityNames.stream().map(this::fidelity).collect(Collectors.toList());
  }

  private static FidelityPreset of(String name, int framesPerSnippet, int frameStride, int[][] snippetsAndSize) {
    Map<String, Fidelity> fidelities = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.size(); i++) {
      fidelities.put(NAMES.get(i),
          new Fidelity(NAMES.get(i), snippetsAndSize[i][0], snippetsAndSize[i][1], framesPerSnippet, frameStride));
    }
    return new FidelityPreset(name, fidelities);
  }
}
