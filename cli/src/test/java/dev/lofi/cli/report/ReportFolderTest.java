package dev.lofi.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lofi.cli.report.TrainingCurve.Point;
import dev.lofi.model.segment.Detection;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFolderTest {

  @TempDir
  Path folder;

  static Report report(String findings) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("preset", "cpu");
    config.put("seeds", 2);
    config.put("fidelities", List.of("s", "t", "st"));
    List<TrainingCurve> curves = List.of(
        new TrainingCurve("baseline", "head", List.of(new Point(1, 2.0), new Point(2, 1.5)), List.of()),
        new TrainingCurve("C-LoFi", "head", List.of(new Point(1, 2.2), new Point(2, 1.4)), List.of(new Point(1, 0.3))));
    return new Report("lofi demo", List.of(ReportTableTest.trained("baseline", 0.33, 0.34),
        ReportTableTest.trained("C-LoFi", 0.35, 0.34), ReportTableTest.FULL), config, curves,
        TimelinePlotTest.video(List.of(new Detection(1, 10, 20, 0.8))), findings);
  }

  @Test
  void writesTheMarkdownTheConfigAndPlotsThatDecodeAtTheirSize() throws IOException {
    List<Path> files = new ReportFolder(folder).write(report("C-LoFi leads."));

    assertThat(files).containsExactly(folder.resolve("report.md"), folder.resolve("config.json"),
        folder.resolve("training-curves.png"), folder.resolve("timeline.png"));
    BufferedImage curves = ImageIO.read(folder.resolve("training-curves.png").toFile());
    BufferedImage timeline = ImageIO.read(folder.resolve("timeline.png").toFile());
    assertThat(curves.getWidth()).isEqualTo(TrainingCurvePlot.Settings.DEFAULT.width());
    assertThat(curves.getHeight()).isEqualTo(new TrainingCurvePlot().layout(report("").curves()).height());
    assertThat(timeline.getWidth()).isEqualTo(TimelinePlot.Settings.DEFAULT.width());
    assertThat(timeline.getHeight()).isEqualTo(new TimelinePlot().layout(report("").timeline()).height());
  }

  @Test
  void theMarkdownHoldsTheTableTheFindingsAndLinksToFilesThatExist() throws IOException {
    new ReportFolder(folder).write(report("C-LoFi leads."));
    String markdown = Files.readString(folder.resolve("report.md"));

    assertThat(markdown).startsWith("# lofi demo\n\n| configuration | avg mAP |")
        .contains("| C-LoFi | 34.50 ± 0.71 |")
        .contains("## How to read this")
        .contains("## Findings\n\nC-LoFi leads.\n")
        .contains("## One held-out video: synth_0007");
    Matcher link = Pattern.compile("\\]\\(([^)]+)\\)").matcher(markdown);
    int links = 0;
    while (link.find()) {
      assertThat(folder.resolve(link.group(1))).exists();
      links++;
    }
    assertThat(links).isEqualTo(3);
  }

  @Test
  void theConfigReadsBackAsGivenInOrderAndAppearsInTheMarkdown() throws IOException {
    new ReportFolder(folder).write(report(""));
    String json = Files.readString(folder.resolve("config.json"));

    assertThat(new ObjectMapper().readValue(json, Map.class)).isEqualTo(report("").config());
    assertThat(json.indexOf("preset")).isLessThan(json.indexOf("seeds")).isLessThan(json.indexOf("fidelities"));
    assertThat(Files.readString(folder.resolve("report.md"))).contains("```json\n" + json.strip() + "\n```")
        .as("no findings, no empty section").doesNotContain("## Findings");
  }

  @Test
  void aReportNeedsSomethingToCompareAndTrainingToShow() {
    Report full = report("");

    assertThatThrownBy(() -> new Report("x", List.of(), full.config(), full.curves(), full.timeline(), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one configuration");
    assertThatThrownBy(() -> new Report("x", full.results(), full.config(), List.of(), full.timeline(), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training curve");
  }
}
