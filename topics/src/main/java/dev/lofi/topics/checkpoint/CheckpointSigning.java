package dev.lofi.topics.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Who signs the checkpoints this process publishes, and whose signatures it trusts: Ed25519 keys
 * from the JDK, as PEM files ({@code openssl genpkey -algorithm ed25519} writes the same). A
 * manifest's signature covers its record's bytes, and the manifest names the SHA-256 of the
 * parameters, so one signature vouches for the whole checkpoint. It travels in the manifest
 * record's {@link #SIGNATURE_HEADER} header, leaving the record format as it was.
 *
 * <p>Set once per process, at the command line's edge ({@code --signing-key}, {@code
 * --trusted-key}), so that every reader and writer of checkpoints obeys it: a reader that trusts a
 * key loads only checkpoints that key signed.
 */
public final class CheckpointSigning {

  /** The manifest record's header holding the Base64 Ed25519 signature of the record's value. */
  public static final String SIGNATURE_HEADER = "lofi.signature";

  private static final String ALGORITHM = "Ed25519";
  private static final CheckpointSigning NONE = new CheckpointSigning(null, null);

  private static volatile CheckpointSigning current = NONE;

  private final PrivateKey signingKey;
  private final PublicKey trustedKey;

  private CheckpointSigning(PrivateKey signingKey, PublicKey trustedKey) {
    this.signingKey = signingKey;
    this.trustedKey = trustedKey;
  }

  /** Signing with the private key in {@code signingKey}, trusting the public key in {@code trustedKey}; each optional. */
  public static CheckpointSigning of(Optional<Path> signingKey, Optional<Path> trustedKey) {
    return new CheckpointSigning(signingKey.map(CheckpointSigning::readPrivate).orElse(null),
        trustedKey.map(CheckpointSigning::readPublic).orElse(null));
  }

  /** This process's signing and trust; by default it neither signs nor asks for signatures. */
  public static CheckpointSigning current() {
    return current;
  }

  /** Makes {@code signing} this process's, for every checkpoint read or published from now on. */
  public static void use(CheckpointSigning signing) {
    current = signing;
  }

  /** Back to no signing and no trust required. */
  public static void useNone() {
    current = NONE;
  }

  /** A new Ed25519 key pair, written as PEM: the private key readable by its owner alone. */
  public static void generate(Path privateKeyFile, Path publicKeyFile) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      try {
        Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // A file system without POSIX permissions (Windows): its own ACLs apply.
      }
      Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot write a key pair to " + privateKeyFile + " and " + publicKeyFile
          + ": " + e.getMessage(), e);
    }
  }

  /** Whether this process signs what it publishes. */
  public boolean signs() {
    return signingKey != null;
  }

  /** Whether this process loads only signed checkpoints. */
  public boolean requiresSignature() {
    return trustedKey != null;
  }

  /** The trusted key's fingerprint, as messages name it: the first 16 hex digits of its SHA-256. */
  public Optional<String> trustedFingerprint() {
    return Optional.ofNullable(trustedKey).map(key -> fingerprint(key.getEncoded()));
  }

  /** Adds the signature of {@code manifestValue} to {@code headers}, if this process signs. */
  public void sign(byte[] manifestValue, Headers headers) {
    if (signingKey == null) {
      return;
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(signingKey);
      signature.update(manifestValue);
      headers.remove(SIGNATURE_HEADER);
      headers.add(SIGNATURE_HEADER, Base64.getEncoder().encode(signature.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a checkpoint manifest: " + e.getMessage(), e);
    }
  }

  /**
   * Why a manifest record must not be loaded, or empty if it may: with a trusted key, a manifest
   * without a signature, or with one that key did not make over these bytes, is refused.
   */
  public Optional<String> distrust(byte[] manifestValue, Headers headers) {
    if (trustedKey == null) {
      return Optional.empty();
    }
    Header header = headers.lastHeader(SIGNATURE_HEADER);
    String trusted = "the trusted key " + fingerprint(trustedKey.getEncoded());
    if (header == null) {
      return Optional.of("not signed; only checkpoints signed by " + trusted + " are loaded");
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(trustedKey);
      signature.update(manifestValue);
      if (signature.verify(Base64.getDecoder().decode(header.value()))) {
        return Optional.empty();
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.of("its signature cannot be read (" + e.getMessage() + "); only checkpoints signed by " + trusted
          + " are loaded");
    }
    return Optional.of("its signature is not by " + trusted + " (or the manifest was changed after signing)");
  }

  private static PrivateKey readPrivate(Path file) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pemBody(file, "PRIVATE KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " is not an Ed25519 private key: " + e.getMessage(), e);
    }
  }

  private static PublicKey readPublic(Path file) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(file, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " is not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  private static byte[] pemBody(Path file, String type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the key file " + file + ": " + e.getMessage(), e);
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(file + " is not a PEM file of a " + type.toLowerCase(java.util.Locale.ROOT)
          + " (no '" + begin + "' line)");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": the PEM body is not Base64: " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  private static String fingerprint(byte[] encoded) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(encoded), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
