package dev.lofi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.ingest.bench.BenchVideo;
import dev.lofi.ingest.bench.FfmpegCli;

import dev.lofi.ingest.TestVideos;
import dev.lofi.ingest.live.LiveClipsOnTopic;
import dev.lofi.model.preset.LofiPreset;
import dev.lofi.testkit.KafkaTestCluster;
import dev.lofi.topics.catalog.Topic;
import dev.lofi.topics.catalog.TopicCatalog;
import dev.lofi.topics.record.ClipSnippet;
import dev.lofi.trainer.stage.Cycle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class LofiCommandTest {

  /** What one run of the command line printed and returned. */
  record Run(int exitCode, String out, String err) {}

  /** {@code lofi train} with {@code args} parsed, not run. */
  private static TrainCommand train(String... args) {
    String[] line = new String[args.length + 1];
    line[0] = "train";
    System.arraycopy(args, 0, line, 1, args.length);
    return (TrainCommand) Lofi.commandLine().parseArgs(line).subcommand().commandSpec().userObject();
  }

  static Run lofi(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Lofi.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"broker", "topics", "synth", "ingest", "train", "localize", "evaluate", "bench", "demo",
      "keygen"})
  void everyCommandOfTheDesignExplainsItselfWithHelp(String command) {
    Run run = lofi(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: lofi " + command);
  }

  @Test
  void kafkaFacingCommandsTakeBootstrap() {
    for (String command : List.of("ingest", "train", "localize live", "localize files", "bench localize",
        "bench learn")) {
      assertThat(lofi((command + " --help").split(" ")).out()).as(command).contains("--bootstrap=HOST:PORT")
          .contains("--kafka-config=FILE");
    }
    assertThat(lofi("topics", "create", "--help").out()).contains("--bootstrap=HOST:PORT")
        .contains("--kafka-config=FILE");
  }

  @Test
  void keygenWritesAKeyPairThatTrainingSignsWithAndRefusesToOverwriteIt(@TempDir Path dir) {
    Run first = lofi("keygen", "--out", dir.resolve("keys").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(dir.resolve("keys/signing-key.pem")).content().startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(dir.resolve("keys/trusted-key.pem")).content().startsWith("-----BEGIN PUBLIC KEY-----");

    Run again = lofi("keygen", "--out", dir.resolve("keys").toString());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a key pair");
    assertThat(lofi("train", "--help").out()).contains("--signing-key=PRIVATE.pem").contains("--trusted-key=PUBLIC.pem");
    assertThat(lofi("localize", "live", "--help").out()).contains("--trusted-key=PUBLIC.pem")
        .contains("--metrics-port=PORT");
    assertThat(lofi("train", "--help").out()).contains("--metrics-port=PORT");
  }

  @Test
  void aClientConfigIsRefusedForTheEmbeddedBrokerAndABadOneBeforeAnyConnection(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\n");
    Run embedded = lofi("topics", "create", "--bootstrap", "embedded", "--kafka-config", config.toString());
    assertThat(embedded.exitCode()).isEqualTo(2);
    assertThat(embedded.err()).contains("--kafka-config is for a cluster given with --bootstrap HOST:PORT");

    Path typo = Files.writeString(dir.resolve("typo.properties"), "security.protocl=SSL\n");
    Run bad = lofi("topics", "create", "--bootstrap", "localhost:1", "--kafka-config", typo.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains(typo + ": 'security.protocl' is not a Kafka client setting");
  }

  @ParameterizedTest
  @ValueSource(strings = {"train --stage everything|unknown stage 'everything': use pretrain, lofi, extract, head or all",
      "train --stage all --cycle medium|unknown cycle 'medium': use long or short",
      "train --stage all --preset gpu|unknown preset 'gpu': use cpu or paper",
      "bench train --preset gpu|unknown preset 'gpu': use cpu or paper",
      "train --stage all --head bmn|unknown head 'bmn': use anchor-free or gtad",
      "bench learn --head bmn|unknown head 'bmn': use anchor-free or gtad",
      "ingest --videos v --annotations a.json --preset gpu|unknown preset 'gpu': use cpu or paper"})
  void enumeratedOptionsRefuseAnUnknownValueListingTheKnownOnes(String lineAndMessage) {
    String[] parts = lineAndMessage.split("\\|", 2);

    Run run = lofi(parts[0].split(" "));

    assertThat(run.exitCode()).isEqualTo(Lofi.BAD_USAGE);
    assertThat(run.err()).contains(parts[1]);
  }

  @Test
  void enumeratedOptionsTakeAnyCase() {
    TrainCommand train = train("--stage", "Lofi", "--cycle", "SHORT", "--preset", "Paper", "--head", "GTAD");

    assertThat(train.stage).isEqualTo(TrainCommand.Stage.LOFI);
    assertThat(train.cycle).isEqualTo(Cycle.SHORT);
    assertThat(train.preset).isEqualTo(LofiPreset.PAPER);
    assertThat(train.head).isEqualTo("gtad");
    assertThat(lofi("train", "--help").out()).contains("anchor-free, gtad");
    assertThat(lofi("train", "--help").out()).contains("(default: long)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"train --stage head --resume", "train --stage lofi --init saved",
      "train --stage all --candidate", "train --stage lofi --candidate --resume", "train --stage all --follow",
      "train --stage head --follow --resume", "train --stage head --after-videos 3"})
  void trainingOptionsOfOneStageAreRefusedWithAnotherAsBadUsageNamingTheirStage(String line) {
    Run run = lofi(line.split(" "));
    assertThat(run.exitCode()).isEqualTo(Lofi.BAD_USAGE);
    assertThat(run.err()).containsAnyOf("continues the lofi stage only", "replaces the pretrain stage",
        "--candidate trains the lofi or the head stage", "a candidate run starts again whole",
        "--follow retrains with the head stage", "--follow starts every retrain whole",
        "say when --follow retrains: add --follow");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--every 0s", "--every soon", "--poll -5m", "--after-videos 0 --no-on-new-class"})
  void aTriggerOrScheduleThatCannotWorkIsRefusedAsBadUsage(String options) {
    Run run = lofi(("train --stage head --follow --bootstrap 127.0.0.1:1 " + options).split(" "));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(Lofi.BAD_USAGE);
    assertThat(run.err()).containsAnyOf("not a positive duration", "is not a duration", "nothing would ever start");
  }

  @Test
  void durationsReadAsPeopleWriteThemOrInIso() {
    assertThat(new Durations().convert("90s")).isEqualTo(java.time.Duration.ofSeconds(90));
    assertThat(new Durations().convert("6h")).isEqualTo(java.time.Duration.ofHours(6));
    assertThat(new Durations().convert("PT5M")).isEqualTo(java.time.Duration.ofMinutes(5));
  }

  @Test
  void localizeLiveHelpShowsTheServicesOptionsWithItsDefaults() {
    String help = lofi("localize", "live", "--help").out();

    assertThat(help).contains("Usage: lofi localize live", "--model=NAME", "lofi-PRESET", "--window=N",
        "(default: the preset's full-fidelity", "--hop=N", "(default: 4)", "--preset=cpu|paper", "(default: cpu)",
        "--threshold=SCORE", "(default: 0.3)", "(default: exactly_once_v2)", "lofi-localizer)", "--no-wait",
        "(default: localhost:9092)");
  }

  @Test
  void localizeFilesHelpShowsTheSharedWindowOptionsWithTheLowerThresholdAndNoServiceOptions() {
    String help = lofi("localize", "files", "--help").out();

    assertThat(help).contains("Usage: lofi localize files", "FILE|DIR", "--out=PRED.json", "--checkpoint=REF",
        "--window=N", "(default: 4)", "(default: 0.01;").doesNotContain("--no-wait", "--application-id", "--threads");
  }

  @ParameterizedTest
  @ValueSource(strings = {"|name a mode: live (the service) or files (offline)",
      "--video v.mp4 --out p.json|'lofi localize files FILE|DIR --out PRED.json' now",
      "--bootstrap embedded --no-wait|the live service is 'lofi localize live --bootstrap embedded --no-wait' now"})
  void localizeWithoutAModeNamesTheNewSpellingAndExitsWithTwo(String lineAndMessage) {
    String[] parts = lineAndMessage.split("\\|", 2);

    Run run = lofi(("localize " + parts[0]).trim().split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(parts[1]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"live --hop 40|hop must be 1..32", "live --threshold 2|threshold must be in [0, 1]",
      "live --processing-guarantee exactly_once|'exactly_once'",
      "live --preset paper --hop 101|hop must be 1..100", "live --preset gpu|unknown preset 'gpu': use cpu or paper",
      "live --out p.json|Unknown options: '--out'",
      "live --application-id a/b|'a/b'", "files v.mp4|Missing required option: '--out=PRED.json'",
      "files v.mp4 --out p.json --threads 2|Unknown options: '--threads'",
      "files --out p.json|Missing required parameter: 'FILE|DIR'",
      "files v.mp4 --out p.json --hop 0|hop must be 1..32",
      "files v.mp4 --out p.json --checkpoint lofi-cpu@|must be MODEL@VERSION with both parts"})
  void localizeRefusesBadOptionsNamingThemAndExitsWithTwo(String lineAndMessage) {
    String[] parts = lineAndMessage.split("\\|", 2);

    Run run = lofi(("localize " + parts[0]).split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(parts[1]);
  }

  @Test
  void localizeNoWaitFailsAtOnceWhenNoCheckpointOfTheModelIsThere(@TempDir Path dir) {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();

    Run run = lofi("localize", "live", "--bootstrap", bootstrap, "--no-wait", "--model", "nobody-trained-this",
        "--application-id", "no-wait-test", "--state-dir", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(
        "no usable checkpoint of nobody-trained-this: no checkpoint of nobody-trained-this on lofi.checkpoints yet");
  }

  @Test
  void benchLocalizePrintsOneJsonObjectWithTheContractKeysFirstThroughItsOwnBroker() throws Exception {
    Run run = lofi("bench", "localize", "--seconds", "5", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("embedded Kafka broker at").contains("bench localize: latency: the video in real time");
    JsonNode json = new ObjectMapper().readTree(run.out());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 4)).containsExactly("snippets_per_second", "realtime_factor", "latency_p50_ms",
        "latency_p99_ms");
    for (String key : keys.subList(0, 4)) {
      assertThat(json.get(key).asDouble()).as(key).isPositive();
    }
    assertThat(json.get("latency_p99_ms").asLong()).isGreaterThanOrEqualTo(json.get("latency_p50_ms").asLong());
    assertThat(json.get("broker").asText()).isEqualTo("embedded");
    assertThat(json.get("preset").asText()).isEqualTo("cpu");
    assertThat(json.get("segments").asInt()).isPositive();
  }

  @Test
  void benchIngestPrintsOneJsonObjectWithTheContractKeys(@TempDir Path dir) throws Exception {
    assumeTrue(FfmpegCli.find(FfmpegCli.DEFAULT_COMMAND, FfmpegCli.DEFAULT_TIMEOUT).isPresent(),
        "the ffmpeg CLI is not installed");
    Path video = dir.resolve("tiny.mp4");
    new BenchVideo(160, 120, 30, 2).write(video);

    Run run = lofi("bench", "ingest", "--video", video.toString(), "--runs", "1", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("frames").asLong()).isEqualTo(60);
    assertThat(json.get("fps").asDouble()).isPositive();
    assertThat(json.get("ffmpeg_fps").asDouble()).isPositive();
    assertThat(json.get("ratio").asDouble()).isPositive();
    assertThat(json.get("video").asText()).isEqualTo(video.toString());
  }

  @Test
  void pretrainingAugmentsByDefaultAndNoAugmentTurnsItOff() {
    TrainCommand byDefault = train("--stage", "pretrain");
    TrainCommand off = train("--stage", "pretrain", "--no-augment");
    TrainCommand on = train("--stage", "pretrain", "--augment");

    assertThat(byDefault.augmenting()).isTrue();
    assertThat(off.augmenting()).isFalse();
    assertThat(on.augmenting()).isTrue();
    assertThat(byDefault.frameInput).isEqualTo("diff");
  }

  @Test
  void benchWithoutABenchmarkNamesThemAndEachExplainsItself() {
    Run run = lofi("bench");

    assertThat(run.exitCode()).isEqualTo(Lofi.BAD_USAGE);
    assertThat(run.err()).contains("name a benchmark: ingest, train, localize or learn");
    for (String benchmark : List.of("ingest", "train", "localize", "learn")) {
      assertThat(lofi("bench", benchmark, "--help").out()).as(benchmark).contains("Usage: lofi bench " + benchmark);
    }
  }

  @Test
  void benchLearnRefusesFewerThanOneSeedBeforeStartingABroker() {
    Run run = lofi("bench", "learn", "--seeds", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--seeds must be at least 1, got 0").doesNotContain("embedded Kafka broker");
  }

  @Test
  void benchLearnRefusesAnUnknownConfigurationOrOneWithoutTheBaselineBeforeStartingABroker() {
    Run unknown = lofi("bench", "learn", "--configurations", "baseline,c,x");
    Run withoutBaseline = lofi("bench", "learn", "--configurations", "s,c");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("no configuration 'x': choose from baseline, s, t, st, c, full")
        .doesNotContain("embedded Kafka broker");
    assertThat(withoutBaseline.exitCode()).isEqualTo(2);
    assertThat(withoutBaseline.err()).contains("the comparison needs the baseline, C-LoFi");
  }

  @Test
  void benchIngestWithoutTheFfmpegCliFailsWithOneClearLine() {
    Run run = lofi("bench", "ingest", "--ffmpeg", "lofi-no-such-ffmpeg", "--video", "v.mp4");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(
        "lofi bench ingest: error: lofi-no-such-ffmpeg CLI not found on PATH: install it (Debian: apt-get install ffmpeg)");
  }

  @Test
  void topicsCreateMakesTheCatalogAndListShowsIt() {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();
    Run created = lofi("topics", "create", "--bootstrap", bootstrap, "--fidelity", "s2");
    assertThat(created.exitCode()).as(created.err()).isZero();

    Run again = lofi("topics", "create", "--bootstrap", bootstrap);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).doesNotContain("created").contains("existed  lofi.videos");

    Run listed = lofi("topics", "list", "--bootstrap", bootstrap);
    assertThat(listed.exitCode()).isZero();
    for (Topic topic : TopicCatalog.all()) {
      assertThat(listed.out()).contains(topic.name());
    }
    assertThat(listed.out()).contains("lofi.clips.s2").doesNotContain("missing");
  }

  @Test
  void embeddedBootstrapRunsABrokerForTheCommandsLifetime() {
    Run run = lofi("topics", "create", "--bootstrap", "embedded");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("embedded Kafka broker at");
    assertThat(run.out()).contains("created  lofi.dlq");
  }

  @Test
  void ingestLivePublishesAFileAsSnippetsAndAnEndMarker(@TempDir Path dir) {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();
    // 5 s at 15 fps: two snippets of the cpu preset (8 frames, every 4th: 32 source frames each).
    Path video = TestVideos.gray(dir.resolve("cam1.mp4"), 75);

    Run run = lofi("ingest", "--live", video.toString(), "--stream", "cam1", "--bootstrap", bootstrap);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("opened      cam1 <- " + video + ": 64x48 at 15.00 fps")
        .contains("cam1: 2 snippets").contains("the file ended");
    List<ClipSnippet> records = LiveClipsOnTopic.read(bootstrap, "cam1");
    assertThat(records).extracting(ClipSnippet::snippetIndex).containsExactly(0, 1, 2);
    assertThat(records).extracting(ClipSnippet::endOfStream).containsExactly(false, false, true);
    assertThat(records.get(0).frames()).isEqualTo(8);
    assertThat(records.get(0).width()).isEqualTo(64);
  }

  @Test
  void ingestLiveOfAMissingFileSaysWhyEndsTheStreamAndExitsWithOne(@TempDir Path dir) {
    String bootstrap = KafkaTestCluster.shared().bootstrapServers();
    Path missing = dir.resolve("gone.mp4");

    Run run = lofi("ingest", "--live", missing.toString(), "--stream", "gone", "--bootstrap", bootstrap);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("lofi ingest: error: " + missing + ": no such file");
    assertThat(LiveClipsOnTopic.read(bootstrap, "gone")).singleElement().matches(ClipSnippet::endOfStream);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ingest --live x.mp4|--live needs --stream ID",
      "ingest --live rtsp://cam/1 --stream s --loop|rtsp://cam/1 is a live source (network) that paces itself",
      "ingest --videos v --stream s|--stream, --realtime, --loop and --max-retries apply to --live URI",
      "ingest --live x.mp4 --stream s --videos v|--live publishes one source",
      "ingest --live x.mp4 --stream s --max-retries -2|max retries must be >= 0"})
  void ingestLiveRefusesOptionsThatDoNotFitWithExitTwo(String lineAndMessage) {
    String[] parts = lineAndMessage.split("\\|");
    Run run = lofi(parts[0].split(" "));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(parts[1]);
  }

  @Test
  void unreachableClusterFailsWithOneClearLine() {
    Run run = lofi("topics", "list", "--bootstrap", "127.0.0.1:1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("lofi topics list: error: cannot reach Kafka at 127.0.0.1:1");
  }
}
