package dev.lofi.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enumerated option by the lower-case names its help shows ({@code --stage all}), in any
 * case, and names the known values when it is none of them: picocli's own conversion would list
 * the constants' upper-case names instead.
 */
final class EnumNames<E extends Enum<E>> implements ITypeConverter<E> {

  private final List<E> values;
  private final String what;

  /** Reads {@code type}'s constants by their {@code toString()}; {@code what} names the option's value in errors. */
  EnumNames(Class<E> type, String what) {
    this.values = Arrays.asList(type.getEnumConstants());
    this.what = what;
  }

  @Override
  public E convert(String value) {
    return values.stream().filter(v -> v.toString().equalsIgnoreCase(value)).findFirst().orElseThrow(() -> {
      List<String> names = values.stream().map(Object::toString).toList();
      String known = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
      return new TypeConversionException("unknown " + what + " '" + value + "': use " + known);
    });
  }
}
