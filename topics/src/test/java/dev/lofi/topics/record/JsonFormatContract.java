package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lofi.topics.codec.RecordFormatException;
import dev.lofi.topics.codec.RecordFormatException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * What every JSON record type promises: values survive a round trip; garbage, a missing field or
 * a field of the wrong type is refused with a {@link RecordFormatException} that says which.
 */
abstract class JsonFormatContract<T> extends RecordFormatContract<T> {

  /** Reads encodings as plain trees, to take them apart. */
  private static final ObjectMapper TREES = new ObjectMapper();

  @Provide
  Arbitrary<String> jsonLikeText() {
    return Arbitraries.strings().withChars("{}[]\":,.-+0123456789eEtrufalsn_abcxyz \\").ofMaxLength(80);
  }

  @Property(tries = 300)
  void garbageBytesAreRefused(@ForAll @Size(max = 64) byte[] bytes) {
    assertThatThrownBy(() -> serde().decode(bytes)).isInstanceOf(RecordFormatException.class);
  }

  @Property(tries = 300)
  void jsonLikeGarbageIsRefused(@ForAll("jsonLikeText") String text) {
    assertThatThrownBy(() -> serde().decode(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RecordFormatException.class);
  }

  @Property(tries = 300)
  void aDamagedEncodingIsRefusedOrValid(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    // JSON carries no checksum, so a changed digit may well read as another valid value.
    encoding[position % encoding.length] ^= (byte) mask;
    try {
      assertThat(serde().decode(encoding)).isNotNull();
    } catch (RecordFormatException refused) {
      // Refusing is the other allowed outcome; anything else propagates and fails the property.
      assertThat(refused.reason()).isNotNull();
    }
  }

  @Property(tries = 200)
  void removingAnyFieldIsRefusedNamingIt(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int choice) throws IOException {
    ObjectNode tree = (ObjectNode) TREES.readTree(encoding);
    String field = fieldNames(tree).get(choice % tree.size());
    tree.remove(field);

    RecordFormatException refused = refusal(TREES.writeValueAsBytes(tree));
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refused.getMessage()).contains("'$." + field + "'");
  }

  @Property(tries = 200)
  void aFieldOfTheWrongTypeIsRefusedNamingIt(
      @ForAll("encodings") byte[] encoding, @ForAll @IntRange(max = Integer.MAX_VALUE) int choice) throws IOException {
    ObjectNode tree = (ObjectNode) TREES.readTree(encoding);
    String field = fieldNames(tree).get(choice % tree.size());
    // No field of any record is an array of arrays of booleans.
    tree.putArray(field).addArray().add(true);

    RecordFormatException refused = refusal(TREES.writeValueAsBytes(tree));
    assertThat(refused.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(refused.getMessage()).contains("$." + field);
  }

  @Example
  void aTombstoneIsRefusedAsEmpty() {
    assertThat(refusal(null).reason()).isEqualTo(Reason.EMPTY);
    assertThat(refusal(new byte[0]).reason()).isEqualTo(Reason.EMPTY);
    assertThatThrownBy(() -> serde().deserializer().deserialize("topic", null))
        .isInstanceOfSatisfying(RecordFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY));
  }

  @Example
  void aNullValueIsSerializedAsATombstone() {
    assertThat(serde().serializer().serialize("topic", null)).isNull();
  }

  RecordFormatException refusal(byte[] bytes) {
    RecordFormatException refused = catchThrowableOfType(RecordFormatException.class, () -> serde().decode(bytes));
    assertThat(refused).as("decoding must be refused").isNotNull();
    return refused;
  }

  private static List<String> fieldNames(ObjectNode tree) {
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
