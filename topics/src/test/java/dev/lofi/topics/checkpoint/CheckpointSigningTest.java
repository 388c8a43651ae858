package dev.lofi.topics.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 signatures over manifest bytes, and the key files they come from. */
class CheckpointSigningTest {

  private static final byte[] MANIFEST = "a manifest's bytes".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  private Path privateKey;
  private Path publicKey;

  @BeforeEach
  void keys() {
    privateKey = dir.resolve("signing-key.pem");
    publicKey = dir.resolve("trusted-key.pem");
    CheckpointSigning.generate(privateKey, publicKey);
  }

  @Test
  void whatTheKeySignedIsTrustedAndAnyChangeToTheBytesIsNot() {
    Headers headers = new RecordHeaders();
    CheckpointSigning.of(Optional.of(privateKey), Optional.empty()).sign(MANIFEST, headers);
    CheckpointSigning trust = CheckpointSigning.of(Optional.empty(), Optional.of(publicKey));

    assertThat(trust.distrust(MANIFEST, headers)).isEmpty();
    byte[] changed = MANIFEST.clone();
    changed[0] ^= 1;
    assertThat(trust.distrust(changed, headers)).get().asString().contains("is not by the trusted key");
    assertThat(trust.distrust(MANIFEST, new RecordHeaders())).get().asString().startsWith("not signed");
    assertThat(CheckpointSigning.of(Optional.empty(), Optional.empty()).distrust(MANIFEST, new RecordHeaders()))
        .as("no trusted key: anything loads").isEmpty();
  }

  @Test
  void theKeysAreWrittenAsPemAndThePrivateOneForItsOwnerAlone() throws Exception {
    assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(Files.getPosixFilePermissions(privateKey)).extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
  }

  @Test
  void aKeyFileOfTheWrongKindOrMissingIsNamed() {
    assertThatThrownBy(() -> CheckpointSigning.of(Optional.of(publicKey), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(publicKey + " is not a PEM file of a private key");
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> CheckpointSigning.of(Optional.empty(), Optional.of(missing)))
        .hasMessageContaining("cannot read the key file " + missing);
  }
}
