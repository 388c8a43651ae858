package dev.lofi.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SynthPlanTest {

  private static final SynthTalConfig DEFAULTS = SynthTalConfig.defaults(Path.of("unused"));
  private static final SynthPlan PLAN = SynthPlan.of(DEFAULTS);

  private static List<Performance> actions(SynthPlan plan) {
    return plan.videos().stream().flatMap(video -> video.performances().stream()).filter(Performance::annotated).toList();
  }

  @Test
  void theSameSeedDrawsTheSamePlanAndAnotherSeedAnotherOne() {
    assertThat(SynthPlan.of(DEFAULTS)).isEqualTo(PLAN);
    assertThat(SynthPlan.of(DEFAULTS.withSeed(2))).isNotEqualTo(PLAN);
    assertThat(SynthPlan.of(DEFAULTS.withSeed(2)).annotations()).isNotEqualTo(PLAN.annotations());
  }

  @Test
  void theNumberOfVideosLeavesTheTrimmedClipsAlone() {
    assertThat(SynthPlan.of(DEFAULTS.withVideos(3)).clips()).isEqualTo(PLAN.clips());
  }

  @Test
  void aDefaultSetHasEveryClassAboutEquallyOftenInBothSubsets() {
    Map<String, Set<String>> labelsBySubset = PLAN.annotations().stream().collect(Collectors.groupingBy(
        video -> video.subset(),
        Collectors.flatMapping(video -> video.annotations().stream().map(segment -> segment.label()), Collectors.toSet())));
    assertThat(labelsBySubset.keySet()).containsExactlyInAnyOrder(SynthPlan.TRAINING, SynthPlan.VALIDATION);
    assertThat(labelsBySubset.get(SynthPlan.TRAINING)).containsExactlyInAnyOrderElementsOf(PLAN.taxonomy());
    assertThat(labelsBySubset.get(SynthPlan.VALIDATION)).hasSizeGreaterThanOrEqualTo(5);
    Map<ActionClass, Long> counts = actions(PLAN).stream()
        .collect(Collectors.groupingBy(Performance::action, Collectors.counting()));
    assertThat(counts).hasSize(ActionClass.values().length);
    assertThat(counts.values().stream().mapToLong(Long::longValue).max().getAsLong()
        - counts.values().stream().mapToLong(Long::longValue).min().getAsLong()).isLessThanOrEqualTo(1);
  }

  @Test
  void aQuarterOfTheVideosIsForValidation() {
    assertThat(PLAN.videos().stream().filter(video -> video.subset().equals(SynthPlan.VALIDATION))).hasSize(10);
    assertThat(SynthPlan.of(DEFAULTS.withVideos(3)).videos()).extracting(VideoPlan::subset)
        .containsOnlyOnce(SynthPlan.VALIDATION).contains(SynthPlan.TRAINING);
    assertThat(SynthPlan.of(DEFAULTS.withVideos(1)).videos()).extracting(VideoPlan::subset)
        .containsExactly(SynthPlan.TRAINING);
  }

  @Test
  void videosLastTwentyToFortySecondsWithOneToFourActionsSeparatedByIdleGaps() {
    double fps = DEFAULTS.preset().fps();
    for (VideoPlan video : PLAN.videos()) {
      assertThat(video.durationSeconds()).isBetween(20.0, 40.0);
      List<Performance> acts = video.performances().stream().filter(Performance::annotated).toList();
      assertThat(acts).hasSizeBetween(1, 4);
      assertThat(acts.get(0).startFrame()).isGreaterThanOrEqualTo(video.preset().frames(VideoPlanner.EDGE_GAP_SECONDS));
      assertThat(acts.get(acts.size() - 1).endFrame())
          .isLessThanOrEqualTo(video.frames() - video.preset().frames(VideoPlanner.EDGE_GAP_SECONDS));
      for (int i = 1; i < acts.size(); i++) {
        assertThat((acts.get(i).startFrame() - acts.get(i - 1).endFrame()) / fps).isGreaterThanOrEqualTo(1.0);
      }
    }
    assertThat(PLAN.videos().stream().map(video -> video.annotations().annotations().size()).distinct())
        .containsExactlyInAnyOrder(1, 2, 3, 4);
  }

  @Test
  void actionsLastOneAndAHalfToEightSecondsAndVaryAcrossThatRange() {
    double[] seconds = actions(PLAN).stream().mapToDouble(act -> act.frames() / DEFAULTS.preset().fps()).toArray();
    assertThat(Arrays.stream(seconds).min().getAsDouble()).isBetween(1.5, 2.5);
    assertThat(Arrays.stream(seconds).max().getAsDouble()).isBetween(7.0, 8.0);
  }

  @Test
  void nearMissesAreUnannotatedAndKeepClearOfActions() {
    List<Performance> nearMisses = new ArrayList<>();
    for (VideoPlan video : PLAN.videos()) {
      List<Performance> acts = video.performances().stream().filter(Performance::annotated).toList();
      for (Performance nearMiss : video.performances()) {
        if (!nearMiss.annotated()) {
          nearMisses.add(nearMiss);
          assertThat(acts).noneMatch(act -> act.overlaps(nearMiss));
        }
      }
      assertThat(video.annotations().annotations()).hasSameSizeAs(acts);
    }
    assertThat(nearMisses).hasSizeGreaterThan(PLAN.videos().size());
    assertThat(nearMisses).extracting(Performance::object).contains(0, 1, 2);
  }

  @Test
  void shortVideosStillHoldOneWholeAction() {
    SynthPlan plan = SynthPlan.of(DEFAULTS.withPreset(SynthPreset.CPU.withVideoSeconds(3, 4)).withVideos(20));
    for (VideoPlan video : plan.videos()) {
      assertThat(video.annotations().annotations()).hasSize(1);
      assertThat(video.annotations().annotations().get(0).end()).isLessThan(video.durationSeconds());
    }
  }

  @Test
  void trimmedClipsHoldOneWholeActionOfTheirLabelAndBackgroundClipsNone() {
    assertThat(PLAN.clips()).hasSize(ActionClass.values().length * 12 + 6);
    for (TrimmedClip clip : PLAN.clips()) {
      List<Performance> acts = clip.plan().performances().stream().filter(Performance::annotated).toList();
      if (clip.label().equals(TrimmedClip.BACKGROUND)) {
        assertThat(acts).isEmpty();
      } else {
        assertThat(acts).singleElement().satisfies(act -> {
          assertThat(act.action().label()).isEqualTo(clip.label());
          assertThat(act.startFrame()).isZero();
          assertThat(act.endFrame()).isEqualTo(clip.plan().frames());
        });
      }
      assertThat(clip.file()).isEqualTo(clip.plan().id() + ".mp4").startsWith(clip.label() + "_");
    }
    assertThat(PLAN.clips()).extracting(TrimmedClip::file).doesNotHaveDuplicates();
  }

  @Test
  void theActorsLookIsDrawnAlikeForEveryClassSoNoFrameStatisticGivesTheClassAway() {
    SynthPlan large = SynthPlan.of(DEFAULTS.withVideos(1000).withTrimmedClips(0, 0));
    Map<ActionClass, List<Look>> looks = new EnumMap<>(ActionClass.class);
    for (VideoPlan video : large.videos()) {
      for (Performance act : video.performances()) {
        if (act.annotated()) {
          looks.computeIfAbsent(act.action(), key -> new ArrayList<>()).add(video.cast().get(act.object()).look());
        }
      }
    }
    List<Look> all = looks.values().stream().flatMap(List::stream).toList();
    assertSameMeanForEveryClass(looks, all, look -> (look.red() + look.green() + look.blue()) / 3.0);
    assertSameMeanForEveryClass(looks, all, Look::red);
    assertSameMeanForEveryClass(looks, all, Look::green);
    assertSameMeanForEveryClass(looks, all, Look::blue);
    assertSameMeanForEveryClass(looks, all, Look::halfLength);
    assertSameMeanForEveryClass(looks, all, Look::aspect);
    for (Outline outline : Outline.values()) {
      assertSameMeanForEveryClass(looks, all, look -> look.outline() == outline ? 1 : 0);
    }
  }

  @Test
  void aLegibleSetShowsOneClassPerVideoWornAsTheActorsColourAmongGreyDistractors() {
    SynthPlan legible = SynthPlan.of(DEFAULTS.withVideos(30).withLegibleClasses(true));

    Map<ActionClass, Look> colourOf = new EnumMap<>(ActionClass.class);
    for (VideoPlan video : legible.videos()) {
      List<Performance> acts = video.performances().stream().filter(Performance::annotated).toList();
      assertThat(acts).isNotEmpty().extracting(Performance::action).containsOnly(acts.get(0).action());
      assertThat(acts).extracting(Performance::object).containsOnly(acts.get(0).object());
      for (int i = 0; i < video.cast().size(); i++) {
        Look look = video.cast().get(i).look();
        if (i == acts.get(0).object()) {
          Look known = colourOf.putIfAbsent(acts.get(0).action(), look);
          assertThat(known == null || known.red() == look.red() && known.green() == look.green()
              && known.blue() == look.blue()).as("one colour per class").isTrue();
        } else {
          assertThat(look.red()).isEqualTo(look.green()).isEqualTo(look.blue());
        }
      }
    }
    assertThat(colourOf).as("30 videos dealt from decks of 7 show every class").hasSize(ActionClass.values().length);
    assertThat(colourOf.values().stream().map(l -> List.of(l.red(), l.green(), l.blue())).distinct()).hasSize(7);
    // Background clips' actors wear class colours too, so colour alone never says "no action".
    assertThat(legible.clips()).filteredOn(c -> c.label().equals(TrimmedClip.BACKGROUND)).allSatisfy(clip ->
        assertThat(clip.plan().cast()).anySatisfy(object -> assertThat(object.look()).isIn(colourOf.values().stream()
            .map(c -> new Look(object.look().outline(), c.red(), c.green(), c.blue(), object.look().halfLength(),
                object.look().aspect(), object.look().angle())).toList())));
    assertThat(SynthPlan.of(DEFAULTS.withVideos(30)).videos()).anySatisfy(video -> assertThat(video.performances()
        .stream().filter(Performance::annotated).map(Performance::action).distinct().count()).isGreaterThan(1));
  }

  /** Each class's mean lies within four standard errors of the overall mean: no detectable dependence. */
  private static void assertSameMeanForEveryClass(Map<ActionClass, List<Look>> looks, List<Look> all,
      ToDoubleFunction<Look> statistic) {
    double mean = all.stream().mapToDouble(statistic).average().getAsDouble();
    double variance = all.stream().mapToDouble(statistic).map(value -> (value - mean) * (value - mean)).sum() / all.size();
    looks.forEach((action, ofClass) -> assertThat(ofClass.stream().mapToDouble(statistic).average().getAsDouble())
        .as(action.label()).isCloseTo(mean, within(4 * Math.sqrt(variance / ofClass.size()))));
  }
}
