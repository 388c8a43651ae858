package dev.lofi.ingest.annotation;

import java.nio.file.Path;

/**
 * THUMOS14's temporal annotations: a directory with one text file per class and split,
 * {@code <Class>_val.txt} or {@code <Class>_test.txt}, each line {@code <video id> <start> <end>}
 * (seconds, separated by any whitespace), such as {@code video_validation_0000051 67.5 75.9}.
 * {@code Ambiguous_val.txt} and {@code Ambiguous_test.txt} hold regions that evaluation ignores,
 * not a class. The files carry no durations: ingest holds each segment against the decoded video's
 * (see {@link GroundTruth#fit}).
 *
 * <p>The subset is the split of the file: {@code _val} gives {@code validation}, {@code _test}
 * gives {@code test}. Files are read in name order, so videos come in the order they first appear
 * in that sequence, and each video's segments in the order read. Blank lines are skipped, and so
 * are hidden files ({@code .DS_Store}, {@code ._Class_val.txt}), which archive tools leave behind.
 *
 * <p>Errors. A directory that cannot be read at all throws {@link AnnotationFormatException}:
 * missing, not a directory, holding no annotation file, or holding an entry that is not a file
 * named {@code <Class>_(val|test).txt} (a stray file likely means a wrong directory). A bad line
 * is reported instead as an {@link AnnotationProblem} naming file, line number and video (the
 * line's first field), and only that line is left out: a line is one action, and its video keeps
 * the others, as a bad entry of an ActivityNet video does. A video none of whose lines is good is
 * not in the set. Bad lines have other than three fields, a start or end that is not a decimal
 * number, a start below 0, an end not after the start, or a video id already read in the other
 * split.
 */
public final class Thumos14Format {

  private Thumos14Format() {}

  /**
   * The videos annotated in a THUMOS14 annotation directory, with the lines left out.
   *
   * @throws AnnotationFormatException if the directory cannot be read at all (see the class comment)
   */
  public static AnnotationSet read(Path dir) {
    return new Thumos14Reader(dir).read();
  }
}
