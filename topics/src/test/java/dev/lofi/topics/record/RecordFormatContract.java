package dev.lofi.topics.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.topics.codec.RecordSerde;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What every record format promises, binary or JSON: any valid value survives a round trip. */
abstract class RecordFormatContract<T> {

  abstract RecordSerde<T> serde();

  abstract Arbitrary<? extends T> validValues();

  @Provide
  Arbitrary<T> values() {
    return validValues().map(value -> value);
  }

  @Provide
  Arbitrary<byte[]> encodings() {
    return values().map(serde()::encode);
  }

  @Property(tries = 300)
  void decodingAnEncodingGivesTheValueBack(@ForAll("values") T value) {
    assertThat(serde().decode(serde().encode(value))).isEqualTo(value);
  }

  @Property(tries = 300)
  void theKafkaSerializerAndDeserializerRoundTrip(@ForAll("values") T value) {
    byte[] bytes = serde().serializer().serialize("topic", value);
    assertThat(serde().deserializer().deserialize("topic", bytes)).isEqualTo(value);
  }
}
