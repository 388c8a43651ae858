package dev.lofi.cli;

import dev.lofi.model.preset.LofiPreset;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --preset cpu|paper} as the preset, so that every command names an unknown one the same way. */
final class PresetConverter implements ITypeConverter<LofiPreset> {

  @Override
  public LofiPreset convert(String value) {
    try {
      return LofiPreset.named(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
