package dev.lofi.cli;

import dev.lofi.topics.catalog.CatalogAdmin;
import dev.lofi.topics.catalog.CatalogAdmin.Creation;
import dev.lofi.topics.catalog.CatalogAdmin.TopicState;
import dev.lofi.topics.catalog.Topic;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.cli.KafkaOptions.KafkaConnection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lofi topics}: the topic catalog on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    header = "Create or list the topic catalog on a cluster.",
    description = "Creates lofi's topics on a Kafka cluster, or lists what the cluster holds.",
    subcommands = {TopicsCommand.Create.class, TopicsCommand.ListTopics.class})
final class TopicsCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code lofi topics create}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Creates every topic of the catalog; safe to run again (existing topics keep their",
          "records, drifted configs are set back to the catalog's)."})
  static final class Create implements Callable<Integer> {
    @Mixin KafkaOptions kafka;

    @Option(names = "--fidelity", paramLabel = "NAME",
        description = "Also create lofi.clips.NAME for an extra fidelity (repeatable).")
    List<String> extraFidelities = List.of();

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<Topic> topics = new java.util.ArrayList<>(TopicCatalog.all());
      extraFidelities.forEach(f -> topics.add(TopicCatalog.clips(f)));
      try (KafkaConnection connection = kafka.connect(spec.commandLine().getErr());
           CatalogAdmin admin = CatalogAdmin.connect(connection.bootstrap())) {
        for (Creation c : admin.create(topics)) {
          out.printf("%-8s %-22s partitions=%d %s%n", c.outcome().name().toLowerCase(), c.topic().name(),
              c.topic().partitions(), c.topic().configs());
          c.note().ifPresent(n -> out.printf("         note: %s %s%n", c.topic().name(), n));
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code lofi topics list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists lofi's topics on the cluster with partitions, policy, retention, size limit and record count.")
  static final class ListTopics implements Callable<Integer> {
    @Mixin KafkaOptions kafka;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (KafkaConnection connection = kafka.connect(spec.commandLine().getErr());
           CatalogAdmin admin = CatalogAdmin.connect(connection.bootstrap())) {
        List<TopicState> states = admin.list();
        out.printf("%-22s %10s %-8s %14s %12s %10s  %s%n",
            "topic", "partitions", "cleanup", "retention.ms", "max.bytes", "records", "catalog");
        for (TopicState s : states) {
          out.printf("%-22s %10d %-8s %14s %12s %10d  %s%n", s.name(), s.partitions(),
              s.configs().get("cleanup.policy"), s.configs().get("retention.ms"),
              s.configs().get("max.message.bytes"), s.records(), s.catalogEntry().isPresent() ? "yes" : "no");
        }
        long missing = TopicCatalog.all().stream()
            .filter(t -> states.stream().noneMatch(s -> s.name().equals(t.name()))).count();
        if (missing > 0) {
          out.printf("%d catalog topic(s) missing: run 'lofi topics create --bootstrap %s'%n",
              missing, kafka.bootstrap);
        }
      }
      out.flush();
      return 0;
    }
  }
}
