package dev.lofi.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.ingest.live.LiveSource.Kind;
import org.junit.jupiter.api.Test;

class LiveSourceTest {

  @Test
  void pathsAndFileUrisAreFiniteFiles() {
    LiveSource path = new LiveSource("videos/clip.mp4");
    LiveSource uri = new LiveSource("file:///data/clip.mp4");
    assertThat(path.kind()).isEqualTo(Kind.FILE);
    assertThat(path.finite()).isTrue();
    assertThat(path.location()).isEqualTo("videos/clip.mp4");
    assertThat(uri.kind()).isEqualTo(Kind.FILE);
    assertThat(uri.location()).isEqualTo("/data/clip.mp4");
    assertThat(path.ffmpegFormat()).isNull();
    assertThat(path.ffmpegOptions()).isEmpty();
  }

  @Test
  void aVideoDeviceIsACameraReadThroughVideo4Linux() {
    LiveSource camera = new LiveSource("/dev/video2");
    assertThat(camera.kind()).isEqualTo(Kind.CAMERA);
    assertThat(camera.finite()).isFalse();
    assertThat(camera.ffmpegFormat()).isEqualTo("video4linux2");
    assertThat(camera.location()).isEqualTo("/dev/video2");
  }

  @Test
  void urlsAreLiveNetworkSourcesWhoseReadsTimeOut() {
    for (String url : new String[] {"rtsp://cam.local:554/stream1", "http://host/live.ts", "udp://239.0.0.1:1234"}) {
      LiveSource source = new LiveSource(url);
      assertThat(source.kind()).as(url).isEqualTo(Kind.NETWORK);
      assertThat(source.finite()).isFalse();
      assertThat(source.location()).isEqualTo(url);
      assertThat(source.ffmpegOptions()).containsEntry("rw_timeout", "10000000");
    }
  }

  @Test
  void blankSourcesAndBrokenFileUrisAreRefused() {
    assertThatThrownBy(() -> new LiveSource(" ")).hasMessageContaining("live source must not be blank, got ' '");
    assertThatThrownBy(() -> new LiveSource("file://host/x.mp4")).hasMessageContaining("not a usable file URI: 'file://host/x.mp4'");
  }
}
