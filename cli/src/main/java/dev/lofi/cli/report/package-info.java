/**
 * The report of {@code lofi demo}: the comparison of the baseline and the LoFi configurations,
 * as a console table, and as a folder with Markdown, the run's config and PNG plots.
 *
 * <p>Inputs are plain values, so the demo only fills them in: a {@link
 * dev.lofi.cli.report.ConfigurationResult} per configuration (a {@link
 * dev.lofi.cli.report.SeedRun} per seed, or why it did not fit), a {@link
 * dev.lofi.cli.report.TrainingCurve} per configuration and stage (from {@code lofi.trainer.metrics} with
 * {@code TrainingCurve.fromMetrics}), and one held-out {@link dev.lofi.cli.report.VideoTimeline}.
 * {@link dev.lofi.cli.report.ReportTable#console()} prints the table; {@link
 * dev.lofi.cli.report.ReportFolder#write} writes the folder. Nothing here touches Kafka or DJL, and
 * the plots draw with Java2D into images, without a display.
 */
package dev.lofi.cli.report;
