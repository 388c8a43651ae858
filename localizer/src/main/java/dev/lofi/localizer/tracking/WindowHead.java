package dev.lofi.localizer.tracking;

import dev.lofi.model.segment.Detection;
import java.util.List;

/** What sliding-window localization asks of a model: actions in a window of its encoder's features. */
public interface WindowHead {

  /** {@code model@version}, which every action found with it names. */
  String version();

  /**
   * {@code model@version} of the checkpoint whose encoder made the features this head reads: two
   * heads with the same encoder read each other's features.
   */
  String encoderVersion();

  /** The action classes, class {@code i} at index {@code i}. */
  List<String> labels();

  /**
   * The actions in {@code snippets} features, best first, in seconds from the window's start,
   * clipped to {@code [0, duration]}.
   */
  List<Detection> localize(float[] features, int snippets, double duration);
}
