package dev.lofi.ingest.decode;

/**
 * One decoded video frame.
 *
 * @param mediaSeconds media time, from the stream's timestamps, 0 at the first frame
 * @param rgb {@code size x size x 3} RGB bytes, row-major; null for a frame decoded without
 *     conversion (one no snippet needs)
 */
public record DecodedFrame(double mediaSeconds, byte[] rgb) {

  /** Whether the frame was converted to RGB. */
  public boolean converted() {
    return rgb != null;
  }
}
