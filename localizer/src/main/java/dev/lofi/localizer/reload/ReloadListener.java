package dev.lofi.localizer.reload;

/** Hears what became of the checkpoints the localizer watches. Called from the watcher's thread. */
public interface ReloadListener {

  /** Nobody is told anything. */
  ReloadListener NONE = new ReloadListener() {};

  /** The topic holds no usable checkpoint of the model (yet); {@code reason} says what it holds. */
  default void waiting(String reason) {}

  /** A checkpoint was loaded and swapped in; segments from now on name {@code version}. */
  default void loaded(String version) {}

  /** A checkpoint was refused; the model running before keeps running. */
  default void refused(String version, String reason) {}
}
