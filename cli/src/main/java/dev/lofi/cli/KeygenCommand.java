package dev.lofi.cli;

import dev.lofi.topics.checkpoint.CheckpointSigning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lofi keygen}: a key pair for signing checkpoints. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {"Write a new Ed25519 key pair for signing checkpoints: the trainer signs with the private key "
        + "(lofi train --signing-key), localizers trust the public one (--trusted-key) and load nothing else.",
        "Keep the private key on the trainer's machine; openssl genpkey -algorithm ed25519 makes the same kind."})
final class KeygenCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Directory for signing-key.pem (private, owner-only) and trusted-key.pem (public).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path signing = out.resolve("signing-key.pem");
    Path trusted = out.resolve("trusted-key.pem");
    if (Files.exists(signing) || Files.exists(trusted)) {
      throw new BadUsage(out + " already holds a key pair; choose another --out, or remove it first");
    }
    Files.createDirectories(out);
    CheckpointSigning.generate(signing, trusted);
    spec.commandLine().getOut().printf("wrote %s (private: lofi train --signing-key) and %s (public: --trusted-key)%n",
        signing, trusted);
    return 0;
  }
}
