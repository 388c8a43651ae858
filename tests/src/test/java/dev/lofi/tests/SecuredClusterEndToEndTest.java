package dev.lofi.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.testkit.TestCertificates;
import dev.lofi.topics.broker.EmbeddedBroker;
import dev.lofi.topics.broker.ListenerSecurity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ingest, train and localize against a broker that takes only authenticated (SASL/PLAIN) or only
 * encrypted (TLS, with a certificate the test makes) connections, each command given the cluster's
 * client settings with {@code --kafka-config}; wrong credentials and an untrusted certificate fail
 * with a message that says so.
 */
class SecuredClusterEndToEndTest {

  private static final String PASSWORD = "lofi-secret";

  @TempDir
  static Path dir;

  private static Path videos;
  private static Path annotations;

  @BeforeAll
  static void videosWithGroundTruth() throws IOException {
    videos = Files.createDirectories(dir.resolve("videos"));
    new BenchVideo(96, 64, 15, 6).write(videos.resolve("walk_a.mp4"));
    new BenchVideo(96, 64, 15, 6).write(videos.resolve("walk_b.mp4"));
    annotations = Files.writeString(dir.resolve("annotations.json"), "{\"database\": {"
        + "\"walk_a\": {\"subset\": \"training\", \"duration\": 6.0, \"annotations\": ["
        + "{\"segment\": [1.0, 4.0], \"label\": \"walk\"}]},"
        + "\"walk_b\": {\"subset\": \"training\", \"duration\": 6.0, \"annotations\": ["
        + "{\"segment\": [2.0, 5.0], \"label\": \"walk\"}]}}}");
  }

  @Test
  void aSaslClusterServesIngestTrainingAndLocalizationWithTheRightCredentials() throws IOException {
    try (EmbeddedBroker broker = EmbeddedBroker.startTemporary(ListenerSecurity.saslPlain(Map.of("lofi", PASSWORD)))) {
      Path config = clientConfig("sasl.properties", "security.protocol=SASL_PLAINTEXT", "sasl.mechanism=PLAIN",
          jaas("lofi", PASSWORD));

      ingestTrainLocalize(broker.bootstrapServers(), config);

      Path wrong = clientConfig("wrong.properties", "security.protocol=SASL_PLAINTEXT", "sasl.mechanism=PLAIN",
          jaas("lofi", "not-the-password"));
      LofiRun refused = LofiRun.of("topics", "create", "--bootstrap", broker.bootstrapServers(),
          "--kafka-config", wrong.toString());
      assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
      assertThat(refused.err()).contains("the Kafka cluster refused this client")
          .contains("Invalid username or password").contains("--kafka-config").doesNotContain("not-the-password");
    }
  }

  @Test
  void aTlsClusterServesIngestTrainingAndLocalizationToAClientThatTrustsItsCertificate() throws IOException {
    TestCertificates certificates = TestCertificates.selfSigned(Files.createDirectories(dir.resolve("tls")), PASSWORD);
    try (EmbeddedBroker broker = EmbeddedBroker.startTemporary(
        ListenerSecurity.tls(certificates.keyStore(), PASSWORD))) {
      Path config = clientConfig("tls.properties", "security.protocol=SSL",
          "ssl.truststore.location=" + certificates.trustStore(), "ssl.truststore.type=PKCS12",
          "ssl.truststore.password=" + PASSWORD);

      ingestTrainLocalize(broker.bootstrapServers(), config);

      LofiRun untrusting = LofiRun.of("topics", "create", "--bootstrap", broker.bootstrapServers(), "--kafka-config",
          clientConfig("plain-tls.properties", "security.protocol=SSL").toString());
      assertThat(untrusting.exitCode()).as(untrusting.all()).isEqualTo(1);
      assertThat(untrusting.err()).contains("the Kafka cluster refused this client").contains("SSL handshake failed");
    }
  }

  /** The path from videos to segments, every command through the secured listener. */
  private static void ingestTrainLocalize(String bootstrap, Path config) {
    String[] kafka = {"--bootstrap", bootstrap, "--kafka-config", config.toString()};

    LofiRun topics = LofiRun.of(with(kafka, "topics", "create"));
    assertThat(topics.exitCode()).as(topics.all()).isZero();

    LofiRun ingest = LofiRun.of(with(kafka, "ingest", "--videos", videos.toString(), "--annotations", annotations.toString(),
        "--fidelities", "full,t"));
    assertThat(ingest.exitCode()).as(ingest.all()).isZero();
    assertThat(ingest.out()).contains("2 published");

    LofiRun train = LofiRun.of(with(kafka, "train", "--stage", "lofi", "--fidelities", "t", "--epochs", "1", "--max-steps", "1",
        "--batch", "2"));
    assertThat(train.exitCode()).as(train.all()).isZero();

    Path predictions = dir.resolve("pred-" + config.getFileName() + ".json");
    LofiRun localize = LofiRun.of(with(kafka, "localize", "files", videos.toString(), "--out", predictions.toString()));
    assertThat(localize.exitCode()).as(localize.all()).isZero();
    assertThat(predictions).content().contains("\"walk_a\"").contains("\"walk_b\"");
  }

  private static Path clientConfig(String name, String... lines) throws IOException {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }

  private static String jaas(String user, String password) {
    return "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  private static String[] with(String[] kafka, String... command) {
    String[] line = new String[command.length + kafka.length];
    System.arraycopy(command, 0, line, 0, command.length);
    System.arraycopy(kafka, 0, line, command.length, kafka.length);
    return line;
  }
}
