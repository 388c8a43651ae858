package dev.lofi.ingest.annotation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lofi.topics.record.GroundTruthSegment;
import dev.lofi.topics.record.VideoAnnotations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * ActivityNet's annotation file, the format of ActivityNet-1.3, HACS and lofi's synthetic set:
 *
 * <pre>{@code
 * {"version": "...", "taxonomy": [...],
 *  "database": {"<id>": {"subset": "training", "duration": 82.73,
 *                        "annotations": [{"segment": [3.5, 9.25], "label": "Long jump"}]}}}
 * }</pre>
 *
 * <p>Reading keeps {@code database} only and, in each video, {@code subset}, {@code duration} and
 * {@code annotations}; other fields ({@code url}, {@code resolution}, {@code taxonomy}, ...) are
 * ignored. {@code subset} and {@code duration} may be absent or null; so may {@code annotations},
 * meaning none.
 *
 * <p>Errors. A file that cannot be read at all throws {@link AnnotationFormatException}: missing or
 * unreadable, not JSON (the problem names line and column), a video id appearing twice (JSON does
 * not say which one is meant), a top level that is not an object, or no {@code database} object.
 * Anything else is reported instead, as an {@link AnnotationProblem} naming its video and field
 * path, such as {@code database.abc.annotations[2].segment}, and reading goes on:
 * <ul>
 *   <li>A bad entry of a video's {@code annotations} (a segment that is not two numbers, starts
 *       below 0, does not end after its start or starts at or after the duration; a missing, blank
 *       or non-string label) is left out, and the video keeps its other entries. One action
 *       missing teaches the model that its stretch is background; that costs less than losing
 *       every other action of the video, and the problem names the entry to fix (ingesting the
 *       corrected file again publishes only the new ground truth).
 *   <li>The video is left out whole where what would remain cannot be trusted: a field of its own
 *       is bad (a duration that is not a positive number, a subset that is not a string,
 *       {@code annotations} that is not an array, the video not an object, a blank id), or it had
 *       entries and none of them is good, as an empty list would say the video holds no action.
 * </ul>
 * Every problem of a video is reported, not only its first. Segment ends past the duration are
 * clipped to it, not reported. A video without a duration has its segments held against its
 * decoded one at ingest instead (see {@link GroundTruth#fit}).
 */
public final class ActivityNetFormat {

  // What "version" says in the files lofi writes; readers of the format ignore it.
  private static final String WRITER_VERSION = "lofi (ActivityNet-1.3 format)";

  /** Strict where JSON is ambiguous: duplicate keys and trailing content end the reading. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ActivityNetFormat() {}

  /**
   * The videos of an ActivityNet annotation file, in file order, with the problems of the entries
   * and videos left out.
   *
   * @throws AnnotationFormatException if the file cannot be read at all (see the class comment)
   */
  public static AnnotationSet read(Path file) {
    return new ActivityNetReader(file).read();
  }

  /**
   * Writes {@code videos} as an ActivityNet annotation file, in their iteration order, replacing
   * {@code file}. A null subset is left out.
   *
   * @throws IllegalArgumentException if a video id is blank or appears twice: the file could not
   *     be read back
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path file, Collection<VideoAnnotations> videos) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", WRITER_VERSION);
    ObjectNode database = root.putObject("database");
    for (VideoAnnotations video : videos) {
      String id = video.videoId();
      if (id.isBlank()) {
        throw new IllegalArgumentException("video id must not be blank, got '" + id + "'");
      }
      if (database.has(id)) {
        throw new IllegalArgumentException("video id '" + id + "' appears twice");
      }
      database.set(id, entry(video));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      MAPPER.writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode entry(VideoAnnotations video) {
    ObjectNode entry = MAPPER.createObjectNode();
    if (video.subset() != null) {
      entry.put("subset", video.subset());
    }
    entry.put("duration", video.durationSeconds());
    ArrayNode annotations = entry.putArray("annotations");
    for (GroundTruthSegment segment : video.annotations()) {
      ObjectNode annotation = annotations.addObject();
      annotation.putArray("segment").add(segment.start()).add(segment.end());
      annotation.put("label", segment.label());
    }
    return entry;
  }
}
