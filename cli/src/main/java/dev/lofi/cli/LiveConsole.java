package dev.lofi.cli;

import dev.lofi.ingest.live.LiveListener;
import dev.lofi.ingest.live.LiveSource;
import dev.lofi.topics.record.ClipSnippet;
import java.time.Duration;

/** Shows a live ingest on the console: a line per opening and per failure, and a moving status. */
final class LiveConsole implements LiveListener {

  private final String streamId;
  private final ProgressLine progress;
  private final long start = System.nanoTime();
  private int snippets;

  LiveConsole(String streamId, ProgressLine progress) {
    this.streamId = streamId;
    this.progress = progress;
  }

  @Override
  public void opened(LiveSource source, int width, int height, double fps, boolean reconnected) {
    progress.println(String.format("%-11s %s <- %s: %dx%d at %.2f fps", reconnected ? "reconnected" : "opened",
        streamId, source, width, height, fps));
  }

  @Override
  public void retrying(String reason, int retry, Duration delay) {
    progress.println(String.format("%-11s %s: %s; retry %d in %.1f s", "dropped", streamId, reason, retry,
        delay.toMillis() / 1000.0));
  }

  @Override
  public void snippetPublished(ClipSnippet snippet) {
    snippets++;
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.status(String.format("%s | %d snippets | media %.1f s | %.2fx realtime", streamId, snippets,
        snippet.mediaEnd(), snippet.mediaEnd() / seconds));
  }
}
