package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoAnnotationsTest {

  private static VideoAnnotations decode(String json) {
    return RecordSerdes.videoAnnotations().decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String withSegments(String annotations) {
    return "{\"video_id\":\"v_1\",\"subset\":\"validation\",\"duration_seconds\":82.7,"
        + "\"annotations\":" + annotations + "}";
  }

  @Test
  void segmentsAreActivityNetStyleTwoElementArrays() {
    VideoAnnotations annotations = new VideoAnnotations("v_1", "validation", 82.7,
        List.of(new GroundTruthSegment("Long jump", 3.5, 9.25)));

    String json = new String(RecordSerdes.videoAnnotations().encode(annotations), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo(withSegments("[{\"label\":\"Long jump\",\"segment\":[3.5,9.25]}]"));
    assertThat(decode(json)).isEqualTo(annotations);
  }

  @Test
  void aVideoWithoutActionsHasAnEmptyList() {
    assertThat(decode(withSegments("[]")).annotations()).isEmpty();
  }

  @Test
  void aSegmentThatIsNotAPairIsAnInvalidField() {
    assertThatThrownBy(() -> decode(withSegments("[{\"label\":\"x\",\"segment\":[1.0,2.0,3.0]}]")))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
          assertThat(e.getMessage()).contains("segment must be [start, end]");
        });
  }

  @Test
  void aSegmentEndingBeforeItStartsIsAnInvalidField() {
    assertThatThrownBy(() -> decode(withSegments("[{\"label\":\"x\",\"segment\":[5.0,2.0]}]")))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
          assertThat(e.getMessage()).contains("end must be finite and > start 5.0");
        });
  }

  @Test
  void aMissingLabelIsMalformedNamingItsPath() {
    assertThatThrownBy(() -> decode(withSegments("[{\"label\":\"a\",\"segment\":[0,1]},{\"segment\":[1,2]}]")))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
          assertThat(e.getMessage()).contains("'$.annotations[1].label'");
        });
  }

  @Test
  void aBlankLabelIsRefused() {
    assertThatThrownBy(() -> new GroundTruthSegment(" ", 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
  }
}
