package dev.lofi.topics.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lofi.topics.catalog.Topic.Cleanup;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {

  @Test
  void catalogHoldsExactlyTheContractTopicNames() {
    assertThat(TopicCatalog.all()).extracting(Topic::name).containsExactly(
        "lofi.videos", "lofi.annotations",
        "lofi.clips.full", "lofi.clips.s", "lofi.clips.t", "lofi.clips.st",
        "lofi.live.clips", "lofi.features", "lofi.checkpoints", "lofi.trainer.metrics",
        "lofi.model.decisions", "lofi.segments", "lofi.dlq");
  }

  @Test
  void keyedLatestValueTopicsAreCompactedAndStreamsAreNot() {
    assertThat(TopicCatalog.VIDEOS.cleanup()).isEqualTo(Cleanup.COMPACT);
    assertThat(TopicCatalog.ANNOTATIONS.cleanup()).isEqualTo(Cleanup.COMPACT);
    assertThat(TopicCatalog.CHECKPOINTS.cleanup()).isEqualTo(Cleanup.COMPACT);
    assertThat(TopicCatalog.LIVE_CLIPS.cleanup()).isEqualTo(Cleanup.DELETE);
    assertThat(TopicCatalog.SEGMENTS.cleanup()).isEqualTo(Cleanup.DELETE);
  }

  @Test
  void compactedTopicsRollSegmentsSmallEnoughForTheCleanerToReachSupersededValues() {
    for (Topic topic : TopicCatalog.all()) {
      if (topic.cleanup() == Cleanup.COMPACT) {
        assertThat(topic.configs()).as(topic.name()).containsEntry("segment.bytes", "67108864");
        assertThat(Topic.COMPACTED_SEGMENT_BYTES).as(topic.name()).isGreaterThan(topic.maxMessageBytes());
      } else {
        assertThat(topic.configs()).as(topic.name()).doesNotContainKey("segment.bytes");
      }
    }
  }

  @Test
  void trainingClipsAreKeptUntilDeletedSinceEveryEpochRereadsThem() {
    assertThat(TopicCatalog.clips("st").retentionMs()).isEqualTo(-1);
    assertThat(TopicCatalog.clips("st").configs()).containsEntry("retention.ms", "-1");
  }

  @Test
  void deadLetterTopicAcceptsAnyRecordTheOtherTopicsAccept() {
    int largest = TopicCatalog.all().stream().mapToInt(Topic::maxMessageBytes).max().orElseThrow();
    assertThat(TopicCatalog.DLQ.maxMessageBytes()).isEqualTo(largest);
  }

  @Test
  void checkpointsLiveInOnePartitionSoChunksStayInOrderWithTheirManifest() {
    assertThat(TopicCatalog.CHECKPOINTS.partitions()).isEqualTo(1);
  }

  @Test
  void liveClipsAndSegmentsAreCoPartitionedByStreamId() {
    assertThat(TopicCatalog.SEGMENTS.partitions()).isEqualTo(TopicCatalog.LIVE_CLIPS.partitions());
  }

  @Test
  void clipTopicOfAnExtraFidelityIsFoundByName() {
    assertThat(TopicCatalog.byName("lofi.clips.s2")).map(Topic::maxMessageBytes)
        .contains(TopicCatalog.CLIP_MAX_BYTES);
    assertThat(TopicCatalog.byName("lofi.clips.Bad Name")).isEmpty();
    assertThat(TopicCatalog.byName("other.topic")).isEmpty();
  }

  @Test
  void illegalFidelityNamesAreRefusedWithTheName() {
    assertThatThrownBy(() -> TopicCatalog.clips("S T")).hasMessageContaining("'S T'");
    assertThatThrownBy(() -> TopicCatalog.clips("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void topicSettingsAreValidatedWhenDeclared() {
    assertThatThrownBy(() -> new Topic("lofi.x", 0, Cleanup.DELETE, -1, 2048, "p"))
        .hasMessageContaining("partitions");
    assertThatThrownBy(() -> new Topic("lofi.x", 1, Cleanup.DELETE, 0, 2048, "p"))
        .hasMessageContaining("retentionMs");
    assertThatThrownBy(() -> new Topic("bad name", 1, Cleanup.DELETE, -1, 2048, "p"))
        .hasMessageContaining("illegal topic name");
  }
}
