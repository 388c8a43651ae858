package dev.lofi.ingest.annotation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lofi.topics.record.GroundTruthSegment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** One reading of one ActivityNet file: its JSON tree turned into ground truth, problems collected. */
final class ActivityNetReader {

  // Ids that read unambiguously after a dot in a field path; others are written ["quoted"].
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int SHOWN_CHARS = 40;

  private final Path file;
  private final List<AnnotationProblem> problems = new ArrayList<>();
  /** The video being read, whose id each problem reported names. */
  private String videoId;

  ActivityNetReader(Path file) {
    this.file = file;
  }

  AnnotationSet read() {
    JsonNode database = parse().get("database");
    if (database == null || database.isNull()) {
      throw unreadable("database", "missing: an ActivityNet file keeps its videos under \"database\"", null);
    }
    if (!database.isObject()) {
      throw unreadable("database", shown(database) + " is not an object", null);
    }
    Map<String, GroundTruth> videos = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : database.properties()) {
      video(entry.getKey(), entry.getValue()).ifPresent(video -> videos.put(video.videoId(), video));
    }
    return new AnnotationSet(videos, problems);
  }

  private JsonNode parse() {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = ActivityNetFormat.MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String location = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw unreadable(location, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (NoSuchFileException e) {
      throw unreadable("", "does not exist", e);
    } catch (IOException e) {
      throw unreadable("", "cannot be read: " + e, e);
    }
    if (root == null || root.isMissingNode()) {
      throw unreadable("", "is empty", null);
    }
    if (!root.isObject()) {
      throw unreadable("", "top level " + shown(root) + " is not an object", null);
    }
    return root;
  }

  /**
   * The video, with its problems reported. A bad entry of its annotations is left out and the
   * others are kept. The video is left out whole when a field of its own is bad (without its
   * subset or duration its actions cannot be placed) or when it had entries and none was good:
   * publishing no action would claim that the video holds none.
   */
  private Optional<GroundTruth> video(String id, JsonNode entry) {
    videoId = id;
    String path = "database" + key(id);
    if (id.isBlank()) {
      report(path, "video id is blank");
      return Optional.empty();
    }
    if (!entry.isObject()) {
      report(path, shown(entry) + " is not an object");
      return Optional.empty();
    }
    int problemsBefore = problems.size();
    String subset = subset(path + ".subset", entry.get("subset"));
    OptionalDouble duration = duration(path + ".duration", entry.get("duration"));
    Optional<JsonNode> annotations = annotations(path + ".annotations", entry.get("annotations"));
    boolean fieldsRead = problems.size() == problemsBefore;
    List<GroundTruth.Entry> entries = annotations.map(node -> entries(path + ".annotations", node, duration))
        .orElse(List.of());
    boolean noGoodEntry = entries.isEmpty() && problems.size() > problemsBefore;
    if (!fieldsRead || noGoodEntry) {
      return Optional.empty();
    }
    return Optional.of(new GroundTruth(id, subset, duration, entries, List.of()));
  }

  private String subset(String path, JsonNode node) {
    if (absent(node)) {
      return null;
    }
    if (!node.isTextual()) {
      report(path, shown(node) + " is not a string");
      return null;
    }
    return node.textValue();
  }

  private OptionalDouble duration(String path, JsonNode node) {
    if (absent(node)) {
      return OptionalDouble.empty();
    }
    if (!node.isNumber()) {
      report(path, shown(node) + " is not a number");
      return OptionalDouble.empty();
    }
    double seconds = node.doubleValue();
    if (!(Double.isFinite(seconds) && seconds > 0)) {
      report(path, "duration " + seconds + " is not a positive number of seconds");
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(seconds);
  }

  /** The array of a video's entries, empty where it is absent or is no array (reported). */
  private Optional<JsonNode> annotations(String path, JsonNode node) {
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      report(path, shown(node) + " is not an array");
      return Optional.empty();
    }
    return Optional.of(node);
  }

  /** The good entries of {@code node}, an array; each bad one is reported and left out. */
  private List<GroundTruth.Entry> entries(String path, JsonNode node, OptionalDouble duration) {
    List<GroundTruth.Entry> entries = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      entry(path + "[" + i + "]", node.get(i), duration).ifPresent(entries::add);
    }
    return entries;
  }

  private Optional<GroundTruth.Entry> entry(String path, JsonNode node, OptionalDouble duration) {
    if (!node.isObject()) {
      report(path, shown(node) + " is not an object");
      return Optional.empty();
    }
    Optional<String> label = label(path + ".label", node.get("label"));
    Optional<TimeSpan> span = span(path + ".segment", node.get("segment"));
    if (label.isEmpty() || span.isEmpty()) {
      return Optional.empty();
    }
    GroundTruthSegment segment = new GroundTruthSegment(label.get(), span.get().start(), span.get().end());
    if (duration.isPresent()) {
      Optional<GroundTruthSegment> clipped = GroundTruth.clipped(segment, duration.getAsDouble());
      if (clipped.isEmpty()) {
        report(path + ".segment", "start " + segment.start() + " is not before the duration " + duration.getAsDouble());
        return Optional.empty();
      }
      segment = clipped.get();
    }
    return Optional.of(new GroundTruth.Entry(segment, file, path + ".segment"));
  }

  private Optional<String> label(String path, JsonNode node) {
    if (absent(node)) {
      report(path, "missing");
      return Optional.empty();
    }
    if (!node.isTextual()) {
      report(path, shown(node) + " is not a string");
      return Optional.empty();
    }
    if (node.textValue().isBlank()) {
      report(path, "label is blank");
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  private Optional<TimeSpan> span(String path, JsonNode node) {
    if (absent(node)) {
      report(path, "missing");
      return Optional.empty();
    }
    if (!node.isArray() || node.size() != 2) {
      report(path, shown(node) + " is not a [start, end] pair");
      return Optional.empty();
    }
    OptionalDouble start = seconds(path + "[0]", node.get(0));
    OptionalDouble end = seconds(path + "[1]", node.get(1));
    if (start.isEmpty() || end.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> problem = TimeSpan.problemWith(start.getAsDouble(), end.getAsDouble());
    if (problem.isPresent()) {
      report(path, problem.get());
      return Optional.empty();
    }
    return Optional.of(new TimeSpan(start.getAsDouble(), end.getAsDouble()));
  }

  private OptionalDouble seconds(String path, JsonNode node) {
    if (!node.isNumber()) {
      report(path, shown(node) + " is not a number");
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(node.doubleValue());
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static String key(String id) {
    return PLAIN_KEY.matcher(id).matches() ? "." + id : "[" + TextNode.valueOf(id) + "]";
  }

  /** A node as its JSON text, cut short: the message must name the value, not repeat a whole video. */
  private static String shown(JsonNode node) {
    String text = node.toString();
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS - 3) + "...";
  }

  private void report(String location, String reason) {
    problems.add(new AnnotationProblem(file, videoId, location, reason));
  }

  private AnnotationFormatException unreadable(String location, String reason, Throwable cause) {
    return new AnnotationFormatException(new AnnotationProblem(file, location, reason), cause);
  }
}
