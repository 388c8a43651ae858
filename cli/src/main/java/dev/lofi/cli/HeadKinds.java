package dev.lofi.cli;

import dev.lofi.model.head.TalHeads;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --head}'s values: the registered head kinds, listed in its help and read in any case; an
 * unknown kind fails as an unknown enumerated value does, naming the known ones.
 */
final class HeadKinds implements Iterable<String>, ITypeConverter<String> {

  @Override
  public Iterator<String> iterator() {
    return TalHeads.kinds().iterator();
  }

  @Override
  public String convert(String value) {
    String kind = value.toLowerCase(Locale.ROOT);
    if (TalHeads.kinds().contains(kind)) {
      return kind;
    }
    List<String> names = new ArrayList<>(TalHeads.kinds());
    String known = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    throw new TypeConversionException("unknown head '" + value + "': use " + known);
  }
}
