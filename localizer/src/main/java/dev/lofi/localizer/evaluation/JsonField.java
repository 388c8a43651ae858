package dev.lofi.localizer.evaluation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A value in a JSON file being read for evaluation, with its field path, so that every refusal
 * names the file and the field ({@code database.v1.annotations[0].segment}). Reading is strict:
 * anything the evaluator would misread, or crash on, is refused with an {@link
 * ActivityNetFileException}.
 */
final class JsonField {

  /** Duplicate keys are refused: JSON does not say which one is meant. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  // Keys that read unambiguously after a dot; others are written ["quoted"].
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int SHOWN_CHARS = 40;

  private final Path file;
  private final String path;
  private final JsonNode node;

  private JsonField(Path file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** The top-level object of {@code file}. */
  static JsonField root(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new ActivityNetFileException(file, "", "not valid JSON: " + e.getOriginalMessage() + where, e);
    } catch (NoSuchFileException e) {
      throw new ActivityNetFileException(file, "", "no such file", e);
    } catch (IOException e) {
      throw new ActivityNetFileException(file, "", "cannot be read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ActivityNetFileException(file, "", "is empty", null);
    }
    JsonField field = new JsonField(file, "", root);
    field.requireObject();
    return field;
  }

  /** The member {@code name} of this object, which must be there. */
  JsonField member(String name) {
    JsonNode child = requireObject().get(name);
    if (child == null) {
      throw new ActivityNetFileException(file, childPath(name), "missing", null);
    }
    return new JsonField(file, childPath(name), child);
  }

  /** The members of this object, in file order. */
  Map<String, JsonField> members() {
    Map<String, JsonField> members = new LinkedHashMap<>();
    requireObject().properties().forEach(entry ->
        members.put(entry.getKey(), new JsonField(file, childPath(entry.getKey()), entry.getValue())));
    return members;
  }

  /** The elements of this array, in order. */
  List<JsonField> elements() {
    if (!node.isArray()) {
      throw refuse("expected an array, got " + shown());
    }
    List<JsonField> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new JsonField(file, path + "[" + i + "]", node.get(i)));
    }
    return elements;
  }

  boolean isNull() {
    return node.isNull();
  }

  /** This string. */
  String string() {
    if (!node.isTextual()) {
      throw refuse("expected a string, got " + shown());
    }
    return node.textValue();
  }

  /** This string, which must not be blank (a class name). */
  String label() {
    String label = string();
    if (label.isBlank()) {
      throw refuse("expected a label, got a blank string");
    }
    return label;
  }

  /** This finite number. */
  double number() {
    if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
      throw refuse("expected a finite number, got " + shown());
    }
    return node.doubleValue();
  }

  /** This {@code [start, end]} interval of seconds: two finite numbers, {@code start <= end}. */
  double[] segment() {
    if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()
        || !Double.isFinite(node.get(0).doubleValue()) || !Double.isFinite(node.get(1).doubleValue())) {
      throw refuse("expected two numbers [start, end], got " + shown());
    }
    double start = node.get(0).doubleValue();
    double end = node.get(1).doubleValue();
    if (end < start) {
      throw refuse("end " + end + " is before start " + start);
    }
    return new double[] {start, end};
  }

  /** A refusal of this field for {@code problem}. */
  ActivityNetFileException refuse(String problem) {
    return new ActivityNetFileException(file, path, problem, null);
  }

  private JsonNode requireObject() {
    if (!node.isObject()) {
      throw refuse(path.isEmpty() ? "the top level must be an object, got " + shown() : "expected an object, got " + shown());
    }
    return node;
  }

  private String shown() {
    String text = node.toString();
    return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "...";
  }

  private String childPath(String name) {
    if (!PLAIN_KEY.matcher(name).matches()) {
      return path + "[\"" + name.replace("\"", "\\\"") + "\"]";
    }
    return path.isEmpty() ? name : path + "." + name;
  }
}
