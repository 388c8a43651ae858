package dev.lofi.topics.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic of the catalog: its name and the settings lofi relies on.
 *
 * @param name topic name, a contract that outside tools read
 * @param partitions partition count; records with the same key stay in order within one
 * @param cleanup {@code delete} (time-bounded) or {@code compact} (latest value per key)
 * @param retentionMs how long records are kept; -1 keeps them until deleted by hand
 * @param maxMessageBytes the largest record (batch) the topic accepts
 * @param purpose one line for {@code lofi topics list} and the docs
 */
public record Topic(
    String name, int partitions, Cleanup cleanup, long retentionMs, int maxMessageBytes, String purpose) {

  private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /**
   * Where a compacted topic rolls its segments. The cleaner compacts closed segments only: at the
   * broker's default of 1 GiB, a topic whose values are replaced again and again (a checkpoint
   * every epoch, features every extraction) would pile up a GiB of superseded values, all of it
   * read by every scan for the latest ones.
   */
  static final int COMPACTED_SEGMENT_BYTES = 64 * 1024 * 1024;

  /** How the broker discards old records. */
  public enum Cleanup {
    DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
    COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

    private final String policy;

    Cleanup(String policy) {
      this.policy = policy;
    }

    /** The value of the topic's {@code cleanup.policy}. */
    public String policy() {
      return policy;
    }
  }

  public Topic {
    if (name == null || !LEGAL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("illegal topic name: " + name);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be >= 1, got " + partitions);
    }
    if (retentionMs < -1 || retentionMs == 0) {
      throw new IllegalArgumentException(name + ": retentionMs must be -1 or positive, got " + retentionMs);
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException(name + ": maxMessageBytes too small: " + maxMessageBytes);
    }
  }

  /** The topic-level configs the catalog sets, as the Admin client takes them. */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy());
    configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
    configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes));
    if (cleanup == Cleanup.COMPACT) {
      configs.put(TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(COMPACTED_SEGMENT_BYTES));
    }
    return configs;
  }
}
