package dev.lofi.topics.broker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A node's place in a KRaft cluster whose nodes are each broker and controller: its id, the
 * controller quorum every node is started with, and the cluster id every node's storage is
 * formatted with.
 *
 * @param nodeId this node's id; one of the voters
 * @param voters the controller quorum, as Kafka's {@code controller.quorum.voters}; a voter's port 0
 *     (the single node only) is chosen when the node starts
 * @param clusterId the id formatted into the storage of every node of the cluster
 */
public record KraftQuorum(int nodeId, List<Voter> voters, String clusterId) {

  /** One controller of the quorum: {@code id@host:port}. */
  public record Voter(int id, String host, int port) {

    public Voter {
      if (id < 0) {
        throw new IllegalArgumentException("a node id must be 0 or more, got " + id);
      }
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("voter " + id + " has no host");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("voter " + id + "'s port must be 0..65535, got " + port);
      }
    }

    @Override
    public String toString() {
      return id + "@" + host + ":" + port;
    }
  }

  public KraftQuorum {
    voters = List.copyOf(voters);
    if (voters.isEmpty()) {
      throw new IllegalArgumentException("the controller quorum needs at least one voter");
    }
    Set<Integer> ids = new HashSet<>();
    for (Voter v : voters) {
      if (!ids.add(v.id())) {
        throw new IllegalArgumentException("node id " + v.id() + " appears twice in the controller quorum");
      }
      if (voters.size() > 1 && v.port() == 0) {
        throw new IllegalArgumentException("voter " + v + " of a cluster needs a port");
      }
    }
    if (!ids.contains(nodeId)) {
      throw new IllegalArgumentException("node id " + nodeId + " is not one of the controller quorum's voters ("
          + voters.stream().map(Voter::toString).collect(Collectors.joining(",")) + ")");
    }
    if (clusterId == null || clusterId.isBlank()) {
      clusterId = derivedClusterId(voters);
    } else {
      try {
        Uuid.fromString(clusterId);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cluster id '" + clusterId + "' is not a Kafka cluster id "
            + "(22 characters of URL-safe base64, as 'kafka-storage random-uuid' prints)", e);
      }
    }
  }

  /** A cluster of one node, its controller on a loopback port chosen at start, under a new cluster id. */
  public static KraftQuorum single() {
    return new KraftQuorum(1, List.of(new Voter(1, "127.0.0.1", 0)), Uuid.randomUuid().toString());
  }

  /**
   * Node {@code nodeId} of the quorum {@code voters} ({@code 1@host:9093,2@host:9095,...}); a null
   * or blank {@code clusterId} is derived from the voters, so that every node given the same quorum
   * formats the same cluster.
   */
  public static KraftQuorum parse(int nodeId, String voters, String clusterId) {
    List<Voter> parsed = new ArrayList<>();
    for (String entry : voters.split(",")) {
      String e = entry.strip();
      int at = e.indexOf('@');
      int colon = e.lastIndexOf(':');
      if (at <= 0 || colon <= at + 1 || colon == e.length() - 1) {
        throw new IllegalArgumentException("controller quorum entry '" + e + "' is not ID@HOST:PORT");
      }
      try {
        parsed.add(new Voter(Integer.parseInt(e.substring(0, at)), e.substring(at + 1, colon),
            Integer.parseInt(e.substring(colon + 1))));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("controller quorum entry '" + e + "' is not ID@HOST:PORT", ex);
      }
    }
    return new KraftQuorum(nodeId, parsed, clusterId);
  }

  /** This node's own controller. */
  public Voter self() {
    return voters.stream().filter(v -> v.id() == nodeId).findFirst().orElseThrow();
  }

  /** Whether this node is the whole cluster. */
  public boolean isSingle() {
    return voters.size() == 1;
  }

  /** How many replicas an internal topic (offsets, transactions) gets: up to 3, one per node. */
  public int internalReplicas() {
    return Math.min(3, voters.size());
  }

  /** The quorum as Kafka's {@code controller.quorum.voters}, this node's controller on {@code selfPort}. */
  String votersConfig(int selfPort) {
    return voters.stream()
        .map(v -> v.id() == nodeId ? new Voter(v.id(), v.host(), selfPort) : v)
        .map(Voter::toString).collect(Collectors.joining(","));
  }

  private static String derivedClusterId(List<Voter> voters) {
    try {
      String quorum = voters.stream().map(Voter::toString).sorted().collect(Collectors.joining(","));
      ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(quorum.getBytes(StandardCharsets.UTF_8)));
      return new Uuid(hash.getLong(), hash.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
