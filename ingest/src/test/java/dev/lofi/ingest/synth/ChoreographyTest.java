package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoreographyTest {

  private static final SynthPlan PLAN = SynthPlan.of(SynthTalConfig.defaults(Path.of("unused")).withVideos(20));

  @Test
  void noObjectJumpsFromOneFrameToTheNextNotEvenWhereAPerformanceStartsOrEnds() {
    // The fastest motion, a low quick bounce, covers about 0.14 scene units a frame at 15 fps.
    for (VideoPlan video : PLAN.videos()) {
      for (ObjectTrack track : Choreography.tracks(video)) {
        for (int frame = 1; frame < video.frames(); frame++) {
          assertThat(Math.hypot(track.x()[frame] - track.x()[frame - 1], track.y()[frame] - track.y()[frame - 1]))
              .as("%s frame %d", video.id(), frame).isLessThan(0.15);
          assertThat(track.scale()[frame] / track.scale()[frame - 1]).isBetween(0.85, 1.2);
        }
      }
    }
  }

  @Test
  void theActorStaysInTheFrameAlmostAllTheTime() {
    long frames = 0;
    long inside = 0;
    for (VideoPlan video : PLAN.videos()) {
      ObjectTrack actor = Choreography.tracks(video).get(video.performances().stream()
          .filter(Performance::annotated).findFirst().orElseThrow().object());
      for (int frame = 0; frame < video.frames(); frame++) {
        frames++;
        if (actor.x()[frame] > 0 && actor.x()[frame] < video.preset().aspect() && actor.y()[frame] > 0
            && actor.y()[frame] < 1) {
          inside++;
        }
      }
    }
    assertThat((double) inside / frames).isGreaterThan(0.99);
  }

  @Test
  void duringAPerformanceAnObjectMovesAsItsClassSaysFromWhereItWas() {
    VideoPlan video = PLAN.videos().get(0);
    List<ObjectTrack> tracks = Choreography.tracks(video);
    for (Performance act : video.performances()) {
      ObjectTrack track = tracks.get(act.object());
      Pose anchor = track.pose(act.startFrame());
      int direction = act.action().travels() ? (anchor.x() < video.preset().aspect() / 2 ? 1 : -1) : act.direction();
      int middle = (act.startFrame() + act.endFrame()) / 2;
      assertThat(track.pose(middle)).isEqualTo(act.action().at(anchor, act, act.cyclesAt(middle), direction));
    }
  }
}
