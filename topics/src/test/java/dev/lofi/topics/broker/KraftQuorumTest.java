package dev.lofi.topics.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KraftQuorumTest {

  private static final String VOTERS = "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093";

  @Test
  void everyNodeGivenTheSameQuorumDerivesTheSameClusterId() {
    KraftQuorum one = KraftQuorum.parse(1, VOTERS, null);
    KraftQuorum three = KraftQuorum.parse(3, " 3@kafka-3:9093, 1@kafka-1:9093,2@kafka-2:9093", "");

    assertThat(three.clusterId()).isEqualTo(one.clusterId()).hasSize(22);
    assertThat(KraftQuorum.parse(1, "1@other:9093,2@kafka-2:9093,3@kafka-3:9093", null).clusterId())
        .isNotEqualTo(one.clusterId());
    assertThat(three.self()).isEqualTo(new KraftQuorum.Voter(3, "kafka-3", 9093));
    assertThat(one.internalReplicas()).isEqualTo(3);
  }

  @Test
  void aNodeAloneGetsAFreshClusterIdAndAPortChosenAtStart() {
    KraftQuorum single = KraftQuorum.single();

    assertThat(single.isSingle()).isTrue();
    assertThat(single.internalReplicas()).isEqualTo(1);
    assertThat(single.clusterId()).isNotEqualTo(KraftQuorum.single().clusterId());
    assertThat(single.votersConfig(40123)).isEqualTo("1@127.0.0.1:40123");
  }

  @Test
  void aQuorumThatCannotFormAClusterIsRefusedWithTheEntryNamed() {
    assertThatThrownBy(() -> KraftQuorum.parse(4, VOTERS, null))
        .hasMessageContaining("node id 4 is not one of the controller quorum's voters");
    assertThatThrownBy(() -> KraftQuorum.parse(1, "1@kafka-1:9093,1@kafka-2:9093", null))
        .hasMessageContaining("node id 1 appears twice");
    assertThatThrownBy(() -> KraftQuorum.parse(1, "1@kafka-1", null))
        .hasMessageContaining("'1@kafka-1' is not ID@HOST:PORT");
    assertThatThrownBy(() -> KraftQuorum.parse(1, VOTERS, "not-an-id"))
        .hasMessageContaining("cluster id 'not-an-id' is not a Kafka cluster id");
  }
}
