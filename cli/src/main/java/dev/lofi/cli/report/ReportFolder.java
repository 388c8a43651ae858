package dev.lofi.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Report} into a folder: {@code report.md} (the table, how to read it, the
 * findings, the plots embedded, the configuration), {@code config.json}, and the plots as PNG.
 * Files of an earlier report in the folder are replaced.
 */
public final class ReportFolder {

  public static final String REPORT = "report.md";
  public static final String CONFIG = "config.json";
  public static final String CURVES = "training-curves.png";
  public static final String TIMELINE = "timeline.png";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final String HOW_TO_READ = """
      Each row trains the same network a different way and evaluates it on the same held-out videos.
      The baseline freezes the encoder after classification pre-training and trains only the
      localization head on its features. The LoFi rows first train encoder and head jointly on
      whole videos at low fidelity (S: smaller frames, T: fewer snippets, ST: both, C-LoFi: cycling
      through them), then extract features at full fidelity and train the head again. Full-fidelity
      joint training is what LoFi stands in for; it is shown against the same memory budget.
      mAP is detection mean average precision at a temporal IoU threshold, in percent (higher is
      better); avg mAP averages it over the thresholds and is the number to compare. Step memory
      is what one joint training step needs, estimated from the network and the fidelity (lofi
      bench train measures it); train time covers every stage of a configuration.
      The curves show how each configuration's training loss fell, a panel per stage (the LoFi
      rows' joint stage, then every row's head stage); the timeline shows one held-out
      video, its annotated actions above the best detections, a detection's opacity its score.""";

  private final Path folder;

  /** A writer into {@code folder}, created if missing. */
  public ReportFolder(Path folder) {
    this.folder = folder;
  }

  /**
   * Writes the report.
   *
   * @return the files written, {@code report.md} first
   */
  public List<Path> write(Report report) throws IOException {
    Files.createDirectories(folder);
    List<Path> files = List.of(folder.resolve(REPORT), folder.resolve(CONFIG), folder.resolve(CURVES),
        folder.resolve(TIMELINE));
    String config = json(report);
    png(new TrainingCurvePlot().render(report.curves()), files.get(2));
    png(new TimelinePlot().render(report.timeline()), files.get(3));
    Files.writeString(files.get(1), config + "\n");
    // The Markdown last: a report.md that is there links to plots that are there.
    Files.writeString(files.get(0), markdown(report, config));
    return files;
  }

  private static String markdown(Report report, String config) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(report.title()).append("\n\n");
    md.append(new ReportTable(report.results()).markdown()).append('\n');
    md.append("## How to read this\n\n").append(HOW_TO_READ).append("\n\n");
    if (!report.findings().isEmpty()) {
      md.append("## Findings\n\n").append(report.findings()).append("\n\n");
    }
    md.append("## Training curves\n\n");
    md.append("![Training curves](").append(CURVES).append(")\n\n");
    md.append("## One held-out video: ").append(report.timeline().videoId()).append("\n\n");
    md.append("![Ground truth and detections of ").append(report.timeline().videoId()).append("](")
        .append(TIMELINE).append(")\n\n");
    md.append("## Configuration\n\n").append("As run (also in [").append(CONFIG).append("](").append(CONFIG)
        .append(")):\n\n```json\n").append(config).append("\n```\n");
    return md.toString();
  }

  private static String json(Report report) {
    try {
      return JSON.writeValueAsString(report.config());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the report's config cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void png(BufferedImage image, Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer in this JVM for " + file);
    }
  }
}
