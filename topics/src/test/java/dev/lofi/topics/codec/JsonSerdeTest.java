package dev.lofi.topics.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  record Probe(String probeName, int count, Instant seenAt, List<Part> parts) {
    Probe {
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0, got " + count);
      }
    }
  }

  record Part(String label, Double weight) {}

  private final JsonSerde<Probe> serde = new JsonSerde<>(Probe.class);

  private RecordFormatException refusal(String json) {
    byte[] bytes = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    RecordFormatException refused = catchThrowableOfType(RecordFormatException.class, () -> serde.decode(bytes));
    assertThat(refused).as("decoding must be refused").isNotNull();
    return refused;
  }

  @Test
  void writesSnakeCaseNamesIsoDatesAndExplicitNulls() {
    Probe probe = new Probe("a", 2, Instant.parse("2024-05-06T07:08:09.123Z"), List.of(new Part("x", null)));

    String json = new String(serde.encode(probe), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"probe_name\":\"a\",\"count\":2,\"seen_at\":\"2024-05-06T07:08:09.123Z\","
        + "\"parts\":[{\"label\":\"x\",\"weight\":null}]}");
    assertThat(serde.decode(serde.encode(probe))).isEqualTo(probe);
  }

  @Test
  void unknownFieldsFromNewerWritersAreIgnored() {
    Probe probe = serde.decode(("{\"probe_name\":\"a\",\"count\":1,\"seen_at\":\"2024-01-01T00:00:00Z\","
        + "\"parts\":[],\"added_later\":{\"x\":[1]}}").getBytes(StandardCharsets.UTF_8));

    assertThat(probe.count()).isEqualTo(1);
  }

  @Test
  void unparseableJsonIsMalformedWithItsLocation() {
    RecordFormatException refused = refusal("{\"probe_name\": \"a\",\n \"count\": }");

    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refused.getMessage()).contains("line 2, column");
  }

  @Test
  void aMissingFieldIsMalformedNamingItsPath() {
    RecordFormatException refused = refusal("{\"probe_name\":\"a\",\"count\":1,\"seen_at\":\"2024-01-01T00:00:00Z\","
        + "\"parts\":[{\"weight\":1.0}]}");

    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refused.getMessage()).contains("'$.parts[0].label'");
  }

  @Test
  void aWrongTypedFieldIsMalformedNamingItsPath() {
    RecordFormatException refused =
        refusal("{\"probe_name\":\"a\",\"count\":1.5,\"seen_at\":\"2024-01-01T00:00:00Z\",\"parts\":[]}");

    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refused.getMessage()).contains("'$.count'");
  }

  @Test
  void aNullPrimitiveIsMalformed() {
    RecordFormatException refused =
        refusal("{\"probe_name\":\"a\",\"count\":null,\"seen_at\":\"2024-01-01T00:00:00Z\",\"parts\":[]}");

    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refused.getMessage()).contains("'$.count'");
  }

  @Test
  void aValueTheConstructorRefusesIsAnInvalidFieldWithItsMessage() {
    RecordFormatException refused =
        refusal("{\"probe_name\":\"a\",\"count\":-3,\"seen_at\":\"2024-01-01T00:00:00Z\",\"parts\":[]}");

    assertThat(refused.reason()).isEqualTo(Reason.INVALID_FIELD);
    assertThat(refused.getMessage()).contains("count must be >= 0, got -3");
  }

  @Test
  void textAfterTheObjectIsMalformed() {
    assertThat(refusal("{\"probe_name\":\"a\",\"count\":1,\"seen_at\":\"2024-01-01T00:00:00Z\",\"parts\":[]} {}")
        .reason()).isEqualTo(Reason.MALFORMED_JSON);
  }

  @Test
  void theJsonLiteralNullOrAnotherJsonTypeIsMalformed() {
    assertThat(refusal("null").reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refusal("[1, 2]").reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refusal("\"text\"").reason()).isEqualTo(Reason.MALFORMED_JSON);
  }

  @Test
  void aTombstoneIsEmptyNotNull() {
    assertThat(refusal(null).reason()).isEqualTo(Reason.EMPTY);
    assertThat(refusal("").reason()).isEqualTo(Reason.EMPTY);
    assertThat(serde.serializer().serialize("topic", null)).isNull();
  }

  @Test
  void invalidUtf8IsMalformed() {
    RecordFormatException refused = catchThrowableOfType(RecordFormatException.class,
        () -> serde.decode(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));

    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
  }
}
