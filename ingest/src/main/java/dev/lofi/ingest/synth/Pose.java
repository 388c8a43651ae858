package dev.lofi.ingest.synth;

/**
 * Where an object is in one frame, in scene units (1 = the frame's height): centre, size factor
 * relative to its look, and rotation in radians.
 */
record Pose(double x, double y, double scale, double angle) {}
