package dev.lofi.cli;

import dev.lofi.localizer.offline.OfflineLocalization;
import dev.lofi.localizer.stream.LocalizerSettings;
import dev.lofi.localizer.tracking.SlidingWindowSettings;
import dev.lofi.model.preset.LofiPreset;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Both localize modes' defaults, from {@link LocalizerSettings#defaults()}, so that help and
 * behaviour agree with it; files rank every detection for mAP, so their threshold is lower.
 */
final class LocalizeDefaults implements IDefaultValueProvider {

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option)) {
      return null;
    }
    LocalizerSettings defaults = LocalizerSettings.defaults();
    SlidingWindowSettings sliding = defaults.sliding();
    boolean files = LocalizeFilesCommand.NAME.equals(option.command().name());
    return switch (option.longestName()) {
      case "--preset" -> LofiPreset.CPU.id();
      case "--hop" -> Integer.toString(sliding.hop());
      case "--threshold" -> Double.toString(files ? OfflineLocalization.DEFAULT_THRESHOLD : sliding.threshold());
      case "--merge-tiou" -> Double.toString(sliding.mergeTiou());
      case "--application-id" -> defaults.application().applicationId();
      case "--state-dir" -> defaults.application().stateDir().toString();
      case "--threads" -> Integer.toString(defaults.application().threads());
      case "--processing-guarantee" -> defaults.application().processingGuarantee();
      default -> null;
    };
  }
}
