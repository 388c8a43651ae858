package dev.lofi.ingest.annotation;

import dev.lofi.topics.record.GroundTruthSegment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One reading of one THUMOS14 annotation directory: its lines turned into ground truth, problems collected. */
final class Thumos14Reader {

  private static final Pattern FILE_NAME = Pattern.compile("(?<label>.+)_(?<split>val|test)\\.txt");
  private static final Map<String, String> SUBSET_OF_SPLIT = Map.of("val", "validation", "test", "test");
  private static final String AMBIGUOUS = "Ambiguous";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Path dir;
  private final Map<String, Video> videos = new LinkedHashMap<>();
  private final List<AnnotationProblem> problems = new ArrayList<>();

  Thumos14Reader(Path dir) {
    this.dir = dir;
  }

  AnnotationSet read() {
    for (ClassFile file : classFiles()) {
      readFile(file);
    }
    Map<String, GroundTruth> read = new LinkedHashMap<>();
    videos.forEach((id, video) -> read.put(id, video.groundTruth(id)));
    return new AnnotationSet(read, problems);
  }

  private List<ClassFile> classFiles() {
    if (!Files.exists(dir)) {
      throw unreadable(dir, "does not exist", null);
    }
    if (!Files.isDirectory(dir)) {
      throw unreadable(dir, "is not a directory of THUMOS14 annotation files", null);
    }
    List<Path> entries;
    try (Stream<Path> listed = Files.list(dir)) {
      entries = listed.filter(entry -> !entry.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw unreadable(dir, "cannot be listed: " + e, e);
    }
    if (entries.isEmpty()) {
      throw unreadable(dir, "holds no THUMOS14 annotation file <Class>_val.txt or <Class>_test.txt", null);
    }
    List<ClassFile> files = new ArrayList<>(entries.size());
    for (Path entry : entries) {
      Matcher name = FILE_NAME.matcher(entry.getFileName().toString());
      if (!Files.isRegularFile(entry) || !name.matches()) {
        throw unreadable(entry, "is not a THUMOS14 annotation file <Class>_val.txt or <Class>_test.txt", null);
      }
      files.add(new ClassFile(entry, name.group("label"), SUBSET_OF_SPLIT.get(name.group("split"))));
    }
    return files;
  }

  private void readFile(ClassFile file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file.path(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable(file.path(), "cannot be read: " + e, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      readLine(file, "line " + (i + 1), lines.get(i));
    }
  }

  private void readLine(ClassFile file, String location, String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return;
    }
    String[] fields = WHITESPACE.split(text);
    String videoId = fields[0];
    if (fields.length != 3) {
      report(file, videoId, location,
          "expected '<video id> <start> <end>', got " + fields.length + " fields: '" + text + "'");
      return;
    }
    OptionalDouble start = seconds(file, videoId, location, "start", fields[1]);
    OptionalDouble end = seconds(file, videoId, location, "end", fields[2]);
    if (start.isEmpty() || end.isEmpty()) {
      return;
    }
    Optional<String> problem = TimeSpan.problemWith(start.getAsDouble(), end.getAsDouble());
    if (problem.isPresent()) {
      report(file, videoId, location, problem.get());
      return;
    }
    Video video = videos.computeIfAbsent(videoId, id -> new Video(file.subset()));
    if (!video.subset.equals(file.subset())) {
      report(file, videoId, location,
          "video " + videoId + " is in subset " + video.subset + " already, not " + file.subset());
      return;
    }
    if (file.label().equals(AMBIGUOUS)) {
      video.ambiguous.add(new TimeSpan(start.getAsDouble(), end.getAsDouble()));
    } else {
      video.entries.add(new GroundTruth.Entry(
          new GroundTruthSegment(file.label(), start.getAsDouble(), end.getAsDouble()), file.path(), location));
    }
  }

  /**
   * A time field as a decimal number; {@link Double#parseDouble} would also take {@code NaN},
   * {@code 0x1p3} or {@code 5d}, none of which an annotation tool writes.
   */
  private OptionalDouble seconds(ClassFile file, String videoId, String location, String field, String text) {
    try {
      return OptionalDouble.of(new BigDecimal(text).doubleValue());
    } catch (NumberFormatException e) {
      report(file, videoId, location, field + " '" + text + "' is not a number");
      return OptionalDouble.empty();
    }
  }

  private void report(ClassFile file, String videoId, String location, String reason) {
    problems.add(new AnnotationProblem(file.path(), videoId, location, reason));
  }

  private static AnnotationFormatException unreadable(Path file, String reason, Throwable cause) {
    return new AnnotationFormatException(new AnnotationProblem(file, "", reason), cause);
  }

  /** An annotation file, with the class and subset its name gives. */
  private record ClassFile(Path path, String label, String subset) {}

  /** A video's annotations as they accumulate over the class files. */
  private static final class Video {
    final String subset;
    final List<GroundTruth.Entry> entries = new ArrayList<>();
    final List<TimeSpan> ambiguous = new ArrayList<>();

    Video(String subset) {
      this.subset = subset;
    }

    GroundTruth groundTruth(String id) {
      return new GroundTruth(id, subset, OptionalDouble.empty(), entries, ambiguous);
    }
  }
}
