package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentTest {

  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

  private final Segment closed = new Segment("cam-1", Segment.Event.CLOSED, "LongJump", 12.5, 17.25, 0.875,
      "lofi-v3", T0, T0.plusMillis(4750), 420);

  @Test
  void theJsonHasExactlyTheContractFieldNames() throws IOException {
    JsonNode json = new ObjectMapper().readTree(RecordSerdes.segment().encode(closed));

    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly(
        "stream", "event", "label", "start", "end", "score", "model", "start_wall", "end_wall", "latency_ms");
  }

  @Test
  void theJsonMatchesTheContract() {
    assertThat(new String(RecordSerdes.segment().encode(closed), StandardCharsets.UTF_8)).isEqualTo(
        "{\"stream\":\"cam-1\",\"event\":\"closed\",\"label\":\"LongJump\",\"start\":12.5,\"end\":17.25,"
            + "\"score\":0.875,\"model\":\"lofi-v3\",\"start_wall\":\"2024-03-01T12:00:00Z\","
            + "\"end_wall\":\"2024-03-01T12:00:04.750Z\",\"latency_ms\":420}");
  }

  @Test
  void anOpenedEventMayEndAtItsStartWithoutAnEndWall() {
    Segment opened = new Segment("cam-1", Segment.Event.OPENED, "LongJump", 12.5, 12.5, 0.6, "lofi-v3", T0, null, 80);

    String json = new String(RecordSerdes.segment().encode(opened), StandardCharsets.UTF_8);
    assertThat(json).contains("\"event\":\"opened\"", "\"end_wall\":null");
    assertThat(RecordSerdes.segment().decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(opened);
  }

  @Test
  void aClosedEventMustEndAfterItsStartAndHaveAnEndWall() {
    assertThatThrownBy(() -> new Segment("c", Segment.Event.CLOSED, "x", 1, 1, 0.5, "m", T0, T0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> new Segment("c", Segment.Event.CLOSED, "x", 1, 2, 0.5, "m", T0, null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endWall");
  }

  @Test
  void aScoreOutsideTheUnitIntervalIsAnInvalidField() {
    String json = new String(RecordSerdes.segment().encode(closed), StandardCharsets.UTF_8)
        .replace("\"score\":0.875", "\"score\":1.5");

    assertThatThrownBy(() -> RecordSerdes.segment().decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
          assertThat(e.getMessage()).contains("score must be in [0, 1], got 1.5");
        });
  }

  @Test
  void anUnknownEventIsMalformedNamingTheField() {
    String json = new String(RecordSerdes.segment().encode(closed), StandardCharsets.UTF_8)
        .replace("\"closed\"", "\"paused\"");

    assertThatThrownBy(() -> RecordSerdes.segment().decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
          assertThat(e.getMessage()).contains("'$.event'");
        });
  }
}
