package dev.lofi.ingest.live;

import java.time.Duration;

/**
 * How a source that failed is opened again: after {@code firstDelay}, doubling up to
 * {@code maxDelay} between attempts, at most {@code maxRetries} times in a row
 * ({@link #UNLIMITED}: for ever). The count starts over once the source delivers frames again.
 */
public record RetryPolicy(int maxRetries, Duration firstDelay, Duration maxDelay) {

  /** No limit on retries. */
  public static final int UNLIMITED = -1;
  public static final Duration FIRST_DELAY = Duration.ofMillis(500);
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);

  public RetryPolicy {
    if (maxRetries < UNLIMITED) {
      throw new IllegalArgumentException("max retries must be >= 0 (or " + UNLIMITED + " for unlimited), got "
          + maxRetries);
    }
    if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
      throw new IllegalArgumentException("first retry delay must be positive, got " + firstDelay);
    }
    if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("max retry delay must be >= the first delay " + firstDelay + ", got "
          + maxDelay);
    }
  }

  /** At most {@code maxRetries} retries with the default delays. */
  public static RetryPolicy withMaxRetries(int maxRetries) {
    return new RetryPolicy(maxRetries, FIRST_DELAY, MAX_DELAY);
  }

  /**
   * The retries a source gets unless told otherwise: a camera or a URL is retried for ever, since
   * outages are what live sources do; a file not at all, since a missing file is a typo, not an
   * outage.
   */
  public static RetryPolicy defaultFor(LiveSource source) {
    return withMaxRetries(source.finite() ? 0 : UNLIMITED);
  }

  /** Whether retry number {@code retry} (from 1) may happen. */
  public boolean allows(int retry) {
    return maxRetries == UNLIMITED || retry <= maxRetries;
  }

  /** The wait before retry number {@code retry} (from 1). */
  public Duration delayBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1, got " + retry);
    }
    // Past 2^30 any sensible first delay is beyond the cap; stop doubling before a long overflows.
    long factor = 1L << Math.min(retry - 1, 30);
    Duration delay = firstDelay.multipliedBy(factor);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
