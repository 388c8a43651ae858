package dev.lofi.topics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code --kafka-config} file: read, checked, and applied to every client. */
class ClientConfigFileTest {

  @TempDir
  Path dir;

  @AfterEach
  void forgetTheClientConfig() {
    ClientProperties.useClientConfig(Map.of());
  }

  @Test
  void securitySettingsAreReadAndEveryKindOfClientStartsFromThemUnderItsOwnGuarantees() throws IOException {
    Map<String, String> settings = ClientConfigFile.read(file("security.protocol=SASL_SSL\n"
        + "sasl.mechanism = PLAIN\nrequest.timeout.ms=20000\n# a comment\n"));
    assertThat(settings).containsExactly(Map.entry("request.timeout.ms", "20000"),
        Map.entry("sasl.mechanism", "PLAIN"), Map.entry("security.protocol", "SASL_SSL"));

    ClientProperties.useClientConfig(settings);

    assertThat(ClientProperties.producer("b:9092")).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("acks", "all").containsEntry("bootstrap.servers", "b:9092");
    assertThat(ClientProperties.consumer("b:9092", "g")).containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("isolation.level", "read_committed");
    assertThat(ClientProperties.admin("b:9092")).containsEntry("request.timeout.ms", "20000");
    assertThat(ClientProperties.streams("b:9092")).containsEntry("security.protocol", "SASL_SSL");

    ClientProperties.useClientConfig(Map.of());
    assertThat(ClientProperties.admin("b:9092")).doesNotContainKey("security.protocol");
  }

  @Test
  void aTypoIsRefusedNamingTheFileAndTheKeyButNotTheValue() throws IOException {
    Path typo = file("security.protocol=SASL_SSL\nsasl.jass.config=secret-value\n");

    assertThatThrownBy(() -> ClientConfigFile.read(typo)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(typo.toString()).hasMessageContaining("'sasl.jass.config' is not a Kafka client setting")
        .hasMessageNotContaining("secret-value");
  }

  @Test
  void settingsLofiOwnsAreRefusedWithWhereToSayThem() throws IOException {
    assertThatThrownBy(() -> ClientConfigFile.read(file("bootstrap.servers=elsewhere:9092\n")))
        .hasMessageContaining("'bootstrap.servers' cannot be set here: give the cluster with --bootstrap");
    assertThatThrownBy(() -> ClientConfigFile.read(file("acks=1\n")))
        .hasMessageContaining("'acks' cannot be set here");
    assertThatThrownBy(() -> ClientConfigFile.read(file("isolation.level=read_uncommitted\n")))
        .hasMessageContaining("'isolation.level' cannot be set here");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("missing.properties");
    assertThatThrownBy(() -> ClientConfigFile.read(missing))
        .hasMessageContaining("cannot read the Kafka client config " + missing);
  }

  private Path file(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "client", ".properties"), text);
  }
}
