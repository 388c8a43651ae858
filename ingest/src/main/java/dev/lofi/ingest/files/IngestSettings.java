package dev.lofi.ingest.files;

import dev.lofi.ingest.annotation.AnnotationSet;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.fidelity.FidelityPreset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What an ingest of video files does, validated once.
 *
 * @param preset the fidelity preset snippets are sampled with
 * @param fidelities the preset's fidelities to publish, by name
 * @param annotations ground truth to publish beside the videos; empty when none was given
 * @param force publish even videos whose content and sampling are already on the cluster
 */
public record IngestSettings(FidelityPreset preset, List<String> fidelities, AnnotationSet annotations, boolean force) {

  /** Every fidelity of the paper: full, spatial, temporal, spatio-temporal. */
  public static final List<String> ALL_FIDELITIES = FidelityPreset.NAMES;

  public IngestSettings {
    if (fidelities == null || fidelities.isEmpty()) {
      throw new IllegalArgumentException("no fidelity to publish: give at least one of " + preset.fidelities().keySet());
    }
    if (new HashSet<>(fidelities).size() != fidelities.size()) {
      throw new IllegalArgumentException("fidelities repeat: " + fidelities);
    }
    preset.select(fidelities); // refuses names the preset does not have
    fidelities = List.copyOf(fidelities);
    if (annotations == null) {
      annotations = new AnnotationSet(Map.of(), List.of());
    }
  }

  /** The fidelities to sample, as the preset defines them. */
  public List<Fidelity> sampled() {
    return preset.select(fidelities);
  }
}
