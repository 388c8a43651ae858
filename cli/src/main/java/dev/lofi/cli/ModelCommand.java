package dev.lofi.cli;

import dev.lofi.cli.KafkaOptions.KafkaConnection;
import dev.lofi.topics.checkpoint.Checkpoint;
import dev.lofi.topics.checkpoint.CheckpointStore;
import dev.lofi.topics.fidelity.FidelityPreset;
import dev.lofi.topics.record.CheckpointManifest;
import dev.lofi.topics.record.ModelDecision;
import dev.lofi.trainer.promotion.ModelDecisions;
import dev.lofi.trainer.promotion.PromotionGate;
import dev.lofi.trainer.promotion.ServingModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi model}: which checkpoint of a model serves, and the decisions that chose it. */
@Command(name = "model", mixinStandardHelpOptions = true,
    header = "Show, gate, promote or roll back the checkpoint a model serves.",
    description = {"A model serves its newest checkpoint on lofi.checkpoints: running localizers load it",
        "without a restart. Candidates are kept under NAME" + ServingModel.CANDIDATE_SUFFIX + " (train with --model",
        "NAME" + ServingModel.CANDIDATE_SUFFIX + "); 'gate' scores one against the serving checkpoint on the",
        "validation videos and promotes it only if it is not worse beyond a tolerance. Every change and",
        "refusal is a record on lofi.model.decisions."},
    subcommands = {ModelCommand.ListModel.class, ModelCommand.Gate.class, ModelCommand.Promote.class,
        ModelCommand.Rollback.class})
final class ModelCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options every subcommand shares: the cluster, the model and the keys. */
  static final class ModelOptions {
    @Mixin KafkaOptions kafka;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The serving model, e.g. lofi-cpu.")
    String model;

    @Mixin CheckpointKeyOptions keys;

    @Option(names = "--signing-key", paramLabel = "PRIVATE.pem",
        description = "Sign the checkpoint made to serve with this Ed25519 private key, for localizers that trust"
            + " only its public key.")
    Path signingKey;

    /** Runs {@code action} on the model with the keys in force and prints what it returns. */
    int run(CommandSpec spec, Function<ServingModelOn, String> action) {
      PrintWriter out = spec.commandLine().getOut();
      try (CheckpointKeyOptions.Scope signing = keys.apply(Optional.ofNullable(signingKey));
           KafkaConnection connection = kafka.connect(spec.commandLine().getErr())) {
        out.println(action.apply(new ServingModelOn(connection.bootstrap(),
            new ServingModel(connection.bootstrap(), model))));
      }
      out.flush();
      return 0;
    }
  }

  /** A serving model and the cluster it is on. */
  record ServingModelOn(String bootstrap, ServingModel serving) {}

  /** {@code lofi model list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The checkpoints the model and its candidates keep, which one serves, and the latest decisions.")
  static final class ListModel implements Callable<Integer> {
    @Mixin ModelOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return options.run(spec, on -> {
        CheckpointStore store = new CheckpointStore(on.bootstrap());
        Map<String, CheckpointManifest> latest = store.latestManifests();
        String model = on.serving().model();
        StringBuilder text = new StringBuilder();
        for (String name : List.of(model, ServingModel.candidateOf(model))) {
          List<String> versions = store.versions(name);
          text.append(name).append(versions.isEmpty() ? ": no checkpoint" : ":").append('\n');
          for (String version : versions) {
            boolean serves = name.equals(model) && latest.containsKey(name)
                && latest.get(name).version().equals(version);
            text.append(String.format(Locale.ROOT, "  %s %s%n", serves ? "*" : " ", version));
          }
        }
        List<ModelDecision> decisions = new ModelDecisions(on.bootstrap()).history(model);
        text.append("decisions (").append(decisions.size()).append(", latest last):");
        decisions.subList(Math.max(0, decisions.size() - 5), decisions.size()).forEach(d -> text.append('\n')
            .append(ModelCommand.describe(d)));
        return text.toString();
      });
    }
  }

  /** {@code lofi model gate}. */
  @Command(name = "gate", mixinStandardHelpOptions = true,
      description = {"Scores candidate VERSION (of NAME" + ServingModel.CANDIDATE_SUFFIX + ") and the serving checkpoint",
          "on the validation videos (average mAP, as lofi evaluate) and promotes it if it is not",
          "worse than the serving one by more than --tolerance; else it stays a candidate. Either way",
          "the decision, with both scores, goes to lofi.model.decisions."})
  static final class Gate implements Callable<Integer> {
    @Mixin ModelOptions options;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The candidate's version.")
    String version;

    @Option(names = "--tolerance", paramLabel = "MAP", defaultValue = "" + PromotionGate.DEFAULT_TOLERANCE,
        description = "How much lower its average mAP may be than the serving one's (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return options.run(spec, on -> {
        String candidates = ServingModel.candidateOf(on.serving().model());
        Checkpoint candidate = BadUsage.interpreting(() -> new CheckpointStore(on.bootstrap())
            .version(candidates, version).orElseThrow(() -> new IllegalArgumentException("no candidate " + version
                + " of " + candidates + "; kept: " + new CheckpointStore(on.bootstrap()).versions(candidates))));
        PromotionGate gate = BadUsage.interpreting(() -> new PromotionGate(on.bootstrap(), on.serving(),
            FidelityPreset.FULL, tolerance));
        return describe(gate.decide(candidate));
      });
    }
  }

  /** A change of what serves by hand: the version to serve and why; promote and rollback differ in what they accept. */
  abstract static class ByHand implements Callable<Integer> {
    @Mixin ModelOptions options;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The version to serve.")
    String version;

    @Option(names = "--reason", paramLabel = "TEXT",
        description = "Why, for the decision record (default: promoted by hand, or rolled back by hand).")
    String reason;

    @Spec CommandSpec spec;

    abstract ModelDecision change(ServingModel serving, String reason);

    abstract String defaultReason();

    @Override
    public Integer call() {
      String why = reason != null ? reason : defaultReason();
      return options.run(spec, on -> describe(BadUsage.interpreting(() -> change(on.serving(), why))));
    }
  }

  /** {@code lofi model promote}. */
  @Command(name = "promote", mixinStandardHelpOptions = true,
      description = {"Makes VERSION serve without the gate: a candidate's (one the gate refused, say) or one",
          "the model keeps. Running localizers load it; the decision goes to lofi.model.decisions."})
  static final class Promote extends ByHand {
    @Override
    ModelDecision change(ServingModel serving, String why) {
      return serving.promote(version, why);
    }

    @Override
    String defaultReason() {
      return "promoted by hand";
    }
  }

  /** {@code lofi model rollback}. */
  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = {"Makes an earlier checkpoint the model keeps serve again (lofi.checkpoints keeps the newest",
          "three per model). Running localizers load it; the decision goes to lofi.model.decisions."})
  static final class Rollback extends ByHand {
    @Override
    ModelDecision change(ServingModel serving, String why) {
      return serving.rollback(version, why);
    }

    @Override
    String defaultReason() {
      return "rolled back by hand";
    }
  }

  /** One decision on one line: what, which checkpoints, the scores where there are any, and why. */
  static String describe(ModelDecision d) {
    return String.format(Locale.ROOT, "%s %s %s (serving was %s)%s: %s", d.time(),
        d.decision().name().toLowerCase(Locale.ROOT), d.candidate(), d.serving() == null ? "none" : d.serving(),
        d.candidateScore() == null ? "" : String.format(Locale.ROOT, ", scores %.4f vs %s", d.candidateScore(),
            d.servingScore() == null ? "-" : String.format(Locale.ROOT, "%.4f", d.servingScore())),
        d.reason());
  }
}
