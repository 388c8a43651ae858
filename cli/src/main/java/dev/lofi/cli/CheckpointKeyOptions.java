package dev.lofi.cli;

import dev.lofi.topics.checkpoint.CheckpointSigning;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The option of every command that reads checkpoints: which signer's checkpoints it trusts. */
final class CheckpointKeyOptions {

  @Option(names = "--trusted-key", paramLabel = "PUBLIC.pem",
      description = "Load only checkpoints signed by this Ed25519 public key (lofi keygen); an unsigned or forged "
          + "one is refused, naming why, and the newest trusted one is used instead.")
  Path trustedKey;

  /**
   * Makes this command's checkpoint reads trust {@code --trusted-key}, and its publishes be signed
   * with {@code signingKey} if given, until the returned scope closes.
   */
  Scope apply(Optional<Path> signingKey) {
    CheckpointSigning signing = BadUsage.interpreting(() ->
        CheckpointSigning.of(signingKey, Optional.ofNullable(trustedKey)));
    CheckpointSigning.use(signing);
    return CheckpointSigning::useNone;
  }

  /** Keys in force while open. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
