package dev.lofi.ingest.files;

import dev.lofi.ingest.annotation.AnnotationProblem;
import dev.lofi.ingest.annotation.GroundTruth;
import dev.lofi.ingest.decode.VideoDecodeException;
import dev.lofi.ingest.decode.VideoDecoder;
import dev.lofi.ingest.decode.VideoProbe;
import dev.lofi.ingest.publish.ClipPublisher;
import dev.lofi.ingest.publish.IngestedVideos;
import dev.lofi.ingest.sampling.SnippetExtraction;
import dev.lofi.topics.fidelity.Fidelity;
import dev.lofi.topics.record.IngestProvenance;
import dev.lofi.topics.record.VideoAnnotations;
import dev.lofi.topics.record.VideoMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;

/**
 * Ingests video files: one decode pass per video yields every fidelity's snippets, published with
 * the video's ground truth and metadata in one Kafka transaction. A file that fails is reported
 * and publishes nothing; the others go on.
 *
 * <p>Re-ingesting is idempotent: a video whose content (SHA-256) and sampling are already on the
 * cluster is skipped. A changed video is published under a new ingest id, and consumers keep only
 * the clips of the id in its latest metadata (see {@link IngestProvenance}).
 *
 * <p>Ground truth of a video already on the cluster that differs from the annotations' (or is
 * missing) is published alone, without the snippets: the latest record per video id on compacted
 * {@code lofi.annotations} is the one the trainer reads. Where the subset changed, the metadata is
 * published again too, same ingest id, since the trainer picks a video's subset from it. Ingest
 * never removes ground truth: a video the annotations have nothing for, or left out, keeps what the
 * cluster has.
 *
 * <p>An annotation entry starting at or after its video's decoded end is left out and reported like
 * a bad entry of the file (see {@link GroundTruth#fit}): the video keeps its other entries, or is
 * published without ground truth where none is left, and the other videos go on.
 */
public final class FileIngest {

  private final String bootstrap;
  private final IngestSettings settings;
  private final IngestListener listener;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);

  public FileIngest(String bootstrap, IngestSettings settings, IngestListener listener) {
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.listener = listener;
  }

  /** Ingests a file, or every video file of a directory. */
  public IngestSummary run(Path path) {
    long start = System.nanoTime();
    VideoFiles.Listing listing = VideoFiles.list(path);
    List<IngestSummary.Published> published = new ArrayList<>();
    List<IngestSummary.GroundTruthUpdate> updated = new ArrayList<>();
    List<IngestSummary.Outcome> skipped = new ArrayList<>();
    List<IngestSummary.Outcome> failed = new ArrayList<>();
    for (Path document : listing.documents()) {
      skip(skipped, document, VideoFiles.notAVideo(document));
    }
    IngestedVideos ingested = IngestedVideos.read(bootstrap);
    FittedAnnotations truths = new FittedAnnotations(settings.annotations());
    long bytes;
    IngestSummary.ClusterLoss loss = null;
    try (ClipPublisher publisher = new ClipPublisher(bootstrap)) {
      List<Path> videos = listing.videos();
      for (int i = 0; i < videos.size(); i++) {
        Path file = videos.get(i);
        listener.fileStarted(file, i + 1, videos.size());
        try {
          Video video = probe(file, truths);
          Optional<VideoMetadata> current = ingested.get(video.videoId())
              .filter(m -> m.ingest().covers(video.sha256(), settings.preset().name(), settings.fidelities()));
          if (current.isEmpty() || settings.force()) {
            IngestSummary.Published done = publish(video, publisher);
            published.add(done);
            listener.videoPublished(done);
          } else {
            Optional<IngestSummary.GroundTruthUpdate> update = updateGroundTruth(video, current.get(), ingested,
                publisher);
            if (update.isPresent()) {
              updated.add(update.get());
              listener.groundTruthUpdated(update.get());
            } else {
              skip(skipped, file, "already ingested with the same content, sampling"
                  + (video.truth() == null ? "" : " and ground truth") + " (use --force to publish again)");
            }
          }
        } catch (KafkaException e) {
          // The producer is unusable now, and so would every later video's transaction be.
          publisher.abandon();
          loss = new IngestSummary.ClusterLoss(file, clusterFailure(e), Instant.now(), i - failed.size(),
              videos.size());
          break;
        } catch (VideoDecodeException e) {
          fail(failed, publisher, file, e.reason());
        } catch (UncheckedIOException e) {
          fail(failed, publisher, file, e.getCause().getMessage());
        }
        reportAnnotationProblems(VideoFiles.videoId(file), truths);
      }
      bytes = publisher.bytesSent();
    }
    Set<String> annotatedFiles = listing.videos().stream()
        .flatMap(file -> settings.annotations().find(VideoFiles.videoId(file)).stream())
        .map(GroundTruth::videoId).collect(Collectors.toSet());
    List<String> orphans = settings.annotations().videos().keySet().stream()
        .filter(id -> !annotatedFiles.contains(id)).sorted().toList();
    return new IngestSummary(published, updated, skipped, failed, orphans, truths.all(), bytes,
        (System.nanoTime() - start) / 1e9, loss);
  }

  private Video probe(Path file, FittedAnnotations truths) {
    String videoId = VideoFiles.videoId(file);
    VideoProbe probe = VideoDecoder.probe(file.toString());
    return new Video(file, videoId, probe, sha256(file), truths.fit(videoId, probe.durationSeconds()));
  }

  private IngestSummary.Published publish(Video video, ClipPublisher publisher) {
    long start = System.nanoTime();
    String videoId = video.videoId();
    VideoProbe probe = video.probe();
    List<Fidelity> fidelities = settings.sampled();
    listener.videoStarted(videoId, probe, fidelities.stream().mapToInt(Fidelity::snippets).sum());
    Map<String, Integer> counts = new TreeMap<>();
    String ingestId = videoId + "@" + video.sha256().substring(0, 12) + "-" + runId;
    publisher.beginVideo(videoId, ingestId);
    SnippetExtraction.Stats stats = SnippetExtraction.run(videoId, probe, fidelities, clip -> {
      publisher.sendClip(clip);
      counts.merge(clip.fidelity(), 1, Integer::sum);
      listener.snippetPublished(clip);
    });
    Map<String, Integer> snippets = new LinkedHashMap<>();
    fidelities.forEach(f -> snippets.put(f.name(), f.snippets()));
    IngestProvenance provenance = new IngestProvenance(ingestId, video.sha256(), settings.preset().name(), snippets,
        Instant.now());
    String subset = video.truth() == null ? null : video.truth().subset();
    VideoMetadata metadata = new VideoMetadata(videoId, video.file().toAbsolutePath().toString(),
        probe.durationSeconds(), probe.fps(), probe.width(), probe.height(), probe.frameCount(), subset, provenance);
    publisher.commitVideo(metadata, video.truth());
    return new IngestSummary.Published(videoId, video.file(), counts, video.truth(), stats.decodedFrames(),
        (System.nanoTime() - start) / 1e9);
  }

  /** The video's ground truth published alone, where it differs from the cluster's; empty where not. */
  private Optional<IngestSummary.GroundTruthUpdate> updateGroundTruth(Video video, VideoMetadata current,
      IngestedVideos ingested, ClipPublisher publisher) {
    VideoAnnotations truth = video.truth();
    if (truth == null) {
      return Optional.empty();
    }
    Optional<VideoAnnotations> previous = ingested.annotations(video.videoId());
    boolean subsetChanged = !Objects.equals(current.subset(), truth.subset());
    if (previous.equals(Optional.of(truth)) && !subsetChanged) {
      return Optional.empty();
    }
    publisher.updateGroundTruth(truth, subsetChanged ? current.withSubset(truth.subset()) : null);
    return Optional.of(new IngestSummary.GroundTruthUpdate(video.videoId(), video.file(), truth,
        previous.orElse(null), subsetChanged));
  }

  private void reportAnnotationProblems(String videoId, FittedAnnotations truths) {
    List<AnnotationProblem> problems = truths.problemsOf(videoId);
    if (!problems.isEmpty()) {
      listener.annotationProblems(videoId, problems, truths.keepsVideo(videoId));
    }
  }

  private void fail(List<IngestSummary.Outcome> failed, ClipPublisher publisher, Path file, String reason) {
    publisher.abortVideo();
    failed.add(new IngestSummary.Outcome(file, reason));
    listener.fileFailed(file, reason);
  }

  private void skip(List<IngestSummary.Outcome> skipped, Path file, String reason) {
    skipped.add(new IngestSummary.Outcome(file, reason));
    listener.fileSkipped(file, reason);
  }

  /** What Kafka's exception says, its innermost cause first: the outer ones repeat "in an error state". */
  private static String clusterFailure(KafkaException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
    return root == e ? reason : reason + " (" + e.getMessage() + ")";
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** A video file as probed, with its ground truth as it would be published; null where it has none. */
  private record Video(Path file, String videoId, VideoProbe probe, String sha256, VideoAnnotations truth) {}
}
