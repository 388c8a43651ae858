package dev.lofi.model.head;

import dev.lofi.model.segment.SoftNms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How raw head outputs become detections: candidates above a score, the best of them, a minimum
 * length, then soft-NMS.
 *
 * @param preNmsThreshold candidates must score above this (sigmoid), in {@code [0, 1)}
 * @param preNmsTopK at most this many candidates per video enter soft-NMS ({@code >= 1})
 * @param minSnippets candidates shorter than this many snippets (after clipping to the video) are
 *     dropped, {@code >= 0}
 * @param nms the soft-NMS, which also caps the detections per video
 */
public record DecodeConfig(double preNmsThreshold, int preNmsTopK, double minSnippets, SoftNms nms) {

  /** ActionFormer's values with the paper's top 100 per video. */
  public static final DecodeConfig DEFAULT = new DecodeConfig(0.001, 2000, 0.05, SoftNms.DEFAULT);

  public DecodeConfig {
    if (!(preNmsThreshold >= 0 && preNmsThreshold < 1)) {
      throw new IllegalArgumentException("preNmsThreshold must be in [0, 1), got " + preNmsThreshold);
    }
    if (preNmsTopK < 1) {
      throw new IllegalArgumentException("preNmsTopK must be >= 1, got " + preNmsTopK);
    }
    if (!Double.isFinite(minSnippets) || minSnippets < 0) {
      throw new IllegalArgumentException("minSnippets must be finite and >= 0, got " + minSnippets);
    }
    if (nms == null) {
      throw new IllegalArgumentException("nms is required");
    }
  }

  /** The option names a head's {@link HeadConfig} sets its decoding by. */
  public static final Set<String> OPTIONS = Set.of("preNmsThreshold", "preNmsTopK", "minSnippets", "nmsSigma",
      "minScore", "maxDetections");

  /** The decoding a head's options describe, {@link #DEFAULT}'s values where they say nothing. */
  public static DecodeConfig of(HeadConfig config) {
    return new DecodeConfig(
        config.doubleOption("preNmsThreshold", DEFAULT.preNmsThreshold()),
        config.intOption("preNmsTopK", DEFAULT.preNmsTopK()),
        config.doubleOption("minSnippets", DEFAULT.minSnippets()),
        new SoftNms(
            config.doubleOption("nmsSigma", DEFAULT.nms().sigma()),
            config.doubleOption("minScore", DEFAULT.nms().minScore()),
            config.intOption("maxDetections", DEFAULT.nms().maxDetections())));
  }

  /** This decoding as head options, every value explicit. */
  public Map<String, String> options() {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("preNmsThreshold", String.valueOf(preNmsThreshold));
    o.put("preNmsTopK", String.valueOf(preNmsTopK));
    o.put("minSnippets", String.valueOf(minSnippets));
    o.put("nmsSigma", String.valueOf(nms.sigma()));
    o.put("minScore", String.valueOf(nms.minScore()));
    o.put("maxDetections", String.valueOf(nms.maxDetections()));
    return o;
  }

  /** The same with another soft-NMS. */
  public DecodeConfig withNms(SoftNms other) {
    return new DecodeConfig(preNmsThreshold, preNmsTopK, minSnippets, other);
  }
}
