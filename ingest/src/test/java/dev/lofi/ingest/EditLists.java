package dev.lofi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites the edit list of a MOV or MP4 file's video track the way camera firmware and
 * stream-copy cutters set it: presenting only part of the track's frames. FFmpeg's muxer writes
 * an edit list that presents every frame; FFmpeg's demuxer hands the frames outside an edit to
 * the decoder flagged to be decoded and dropped.
 */
public final class EditLists {

  private EditLists() {}

  /**
   * Makes the first track of {@code file} (the video, as {@code VideoWriter} writes it) present
   * its media from {@code startSeconds} for {@code seconds}, in place.
   */
  public static Path present(Path file, double startSeconds, double seconds) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
      int trak = find(bytes, "trak", 0);
      long movieScale = timescale(bytes, find(bytes, "mvhd", 0));
      long mediaScale = timescale(bytes, find(bytes, "mdhd", trak));
      int elst = find(bytes, "elst", trak);
      int version = bytes.get(elst);
      int entries = bytes.getInt(elst + 4);
      int entryBytes = version == 1 ? 20 : 12;
      // The last entry is the one that presents media; an earlier one may be an empty edit (a late start).
      int entry = elst + 8 + (entries - 1) * entryBytes;
      long duration = Math.round(seconds * movieScale);
      long mediaTime = Math.round(startSeconds * mediaScale);
      if (version == 1) {
        bytes.putLong(entry, duration).putLong(entry + 8, mediaTime);
      } else {
        bytes.putInt(entry, Math.toIntExact(duration)).putInt(entry + 4, Math.toIntExact(mediaTime));
      }
      return Files.write(file, bytes.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Index of the first byte after box type {@code type}'s name, at or after {@code from}. */
  private static int find(ByteBuffer bytes, String type, int from) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    for (int i = from; i + name.length <= bytes.limit(); i++) {
      if (bytes.get(i) == name[0] && bytes.get(i + 1) == name[1] && bytes.get(i + 2) == name[2]
          && bytes.get(i + 3) == name[3]) {
        return i + name.length;
      }
    }
    throw new IllegalArgumentException("no " + type + " box: not a MOV/MP4 file with an edit list");
  }

  /** The timescale of an {@code mvhd} or {@code mdhd} box whose body starts at {@code body}. */
  private static long timescale(ByteBuffer bytes, int body) {
    // version and flags, then creation and modification times of 4 bytes each (8 in version 1).
    int times = bytes.get(body) == 1 ? 16 : 8;
    return Integer.toUnsignedLong(bytes.getInt(body + 4 + times));
  }
}
