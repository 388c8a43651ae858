package dev.lofi.localizer.tracking;

import java.util.List;
import java.util.function.DoubleToLongFunction;

/**
 * What one run of the head over a window found, in the stream's media time.
 *
 * @param start media time the window starts at
 * @param unseenStart media time of the snippets no earlier run saw: the window's newest part
 * @param detections above the threshold, best first
 * @param model {@code model@version} of the head
 * @param captureEpochMillis capture time of the snippet whose arrival ran the head
 * @param wallClock the wall-clock time (epoch ms) of a media time in the window
 */
public record WindowRun(double start, double unseenStart, List<WindowDetection> detections, String model,
    long captureEpochMillis, DoubleToLongFunction wallClock) {

  public WindowRun {
    detections = List.copyOf(detections);
  }
}
