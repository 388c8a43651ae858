package dev.lofi.cli;

import java.util.List;
import java.util.Optional;

/** A command whose earlier command lines are spelled another way now: it names the new spelling. */
interface Respelled {

  /** The new spelling of a command line whose {@code unmatched} arguments this command no longer takes, if it has one. */
  Optional<String> respelling(List<String> unmatched);
}
