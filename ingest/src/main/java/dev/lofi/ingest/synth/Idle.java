package dev.lofi.ingest.synth;

/** How an object moves when it performs nothing. */
enum Idle {
  /** Stays where it is. */
  STILL,
  /** Drifts slowly and randomly about a home point, wobbling a little: the actor's idle, and some distractors'. */
  WANDER,
  /** Glides at a constant slow velocity, reflected at the frame's edges. */
  DRIFT
}
