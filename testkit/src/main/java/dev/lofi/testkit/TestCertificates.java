package dev.lofi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed TLS certificate for {@code localhost} and {@code 127.0.0.1}, made by the JDK's
 * {@code keytool} for a test's broker: nothing is checked in, nothing expires in a repository.
 *
 * @param keyStore the broker's PKCS#12 key store: its key and certificate
 * @param trustStore a client's PKCS#12 trust store: the certificate alone
 * @param password the password of both stores and of the key
 */
public record TestCertificates(Path keyStore, Path trustStore, String password) {

  /** Makes a new key pair and certificate in {@code dir}. */
  public static TestCertificates selfSigned(Path dir, String password) {
    Path keyStore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.crt");
    Path trustStore = dir.resolve("client-trust.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", password, "-keypass", password);
    keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", password,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
        "-keystore", trustStore.toString(), "-storepass", password);
    return new TestCertificates(keyStore, trustStore, password);
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
