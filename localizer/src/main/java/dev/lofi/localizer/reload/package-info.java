/**
 * Hot reload: the model the localizer runs now ({@link dev.lofi.localizer.reload.CurrentModel},
 * swapped whole between snippets and closed when no snippet holds it), and the watcher that loads
 * each new checkpoint of {@code lofi.checkpoints} into it, refusing those that do not check out.
 */
package dev.lofi.localizer.reload;
