package dev.lofi.cli.demo;

import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The rows of the paper's comparison, in miniature: how the encoder meets the localization loss. */
public enum DemoConfiguration {
  /** Frozen pre-trained encoder, head on its features: the encoder never sees the localization loss. */
  BASELINE("baseline", "baseline (frozen encoder)", List.of()),
  S("s", "S-LoFi", List.of("s")),
  T("t", "T-LoFi", List.of("t")),
  ST("st", "ST-LoFi", List.of("st")),
  /** The long cycle: one fidelity per epoch. */
  C("c", "C-LoFi", FidelityPreset.LOW),
  /** What LoFi avoids: joint training at full fidelity, which the memory budget refuses. */
  FULL("full", "full-fidelity joint", List.of(FidelityPreset.FULL));

  private final String id;
  private final String title;
  private final List<String> fidelities;

  DemoConfiguration(String id, String title, List<String> fidelities) {
    this.id = id;
    this.title = title;
    this.fidelities = fidelities;
  }

  /**
   * The configuration of this id ({@code baseline}, {@code s}, {@code t}, {@code st}, {@code c},
   * {@code full}), as typed on the command line.
   *
   * @throws IllegalArgumentException naming the ids there are
   */
  public static DemoConfiguration of(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no configuration '" + id + "': choose from "
            + Arrays.stream(values()).map(c -> c.id).collect(Collectors.joining(", "))));
  }

  /** The checkpoint model name of this configuration in a seed's run. */
  String model(long seed) {
    return "demo-" + id + "-s" + seed;
  }

  /** The name in the table. */
  public String title() {
    return title;
  }

  /** The fidelities joint training cycles through; none for the baseline. */
  List<String> fidelities() {
    return fidelities;
  }

  /** Whether the encoder is trained with the head. */
  boolean joint() {
    return !fidelities.isEmpty();
  }
}
