/**
 * SynthTAL: a synthetic temporal action localization data set, made so that localizing needs
 * temporal modelling, for training and testing LoFi end to end on CPUs.
 *
 * <p>Seven classes ({@link dev.lofi.ingest.synth.ActionClass}) differ only by how an object moves
 * over time: shuttle, orbit, bounce (parabolic hops), zigzag, spin, pulse and approach. The
 * performing object's outline, colour and size are drawn from one distribution for every class,
 * and one to three look-alike distractors share the scene, idling still, wandering or drifting just
 * as the actor does between actions; so no single frame tells the class, nor whether an action is
 * under way. What makes localization hard on top of that: near-misses (half an orbit, one bounce,
 * a quarter turn) by any object, unannotated; actions of 1.5 to 8 s with idle gaps; a camera that
 * pans and shakes over a textured backdrop; brightness flicker and sensor noise.
 *
 * <p>Generation is two steps: {@link dev.lofi.ingest.synth.SynthPlan} draws everything from the
 * seed (cheap, and equal for equal seeds), then each video is rendered into byte arrays and encoded
 * to H.264 MP4 by {@link dev.lofi.ingest.synth.SynthTal#generate}. Rendered frames are a pure
 * function of the plan; with one encoder thread per file, so are the files.
 */
package dev.lofi.ingest.synth;
