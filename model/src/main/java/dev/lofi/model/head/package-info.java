/**
 * Temporal action localization heads behind {@link dev.lofi.model.head.TalHead}: a DJL block from
 * features {@code [B, D, L]} (any {@code L}, one per batch) plus its loss against ground truth in
 * seconds and its decoding to at most 100 detections per video in seconds.
 *
 * <p>Families and where a new head goes:
 * <ul>
 *   <li><b>Point heads</b> (anchor-free: ActionFormer, TemporalMaxer, AFSD-like): {@link
 *       dev.lofi.model.head.AbstractPointHead} owns points ({@link dev.lofi.model.head.PointPyramid}),
 *       target assignment ({@link dev.lofi.model.head.TargetAssigner}), focal + DIoU loss and
 *       decoding; {@link dev.lofi.model.head.AnchorFreeHead} only builds the network.
 *   <li><b>Proposal-map heads</b> (BMN, G-TAD): boundary probabilities and a start x duration map
 *       of candidate segments, targets from tIoU with the ground truth, decoding through the same
 *       {@link dev.lofi.model.segment.SoftNms}; {@link dev.lofi.model.head.gtad.GtadHead} is one.
 *       BMN and G-TAD rescale every video to a fixed map size; here the map is sized by the
 *       {@code L} it is given, so the {@code TalHead} contract (any {@code L}) holds.
 * </ul>
 * Each head states its training-step footprint ({@link dev.lofi.model.head.HeadFootprint}) for
 * the trainer's memory estimate. Each kind is one line in {@link dev.lofi.model.head.TalHeads}; a kind's options arrive as a
 * {@link dev.lofi.model.head.HeadConfig}, which a checkpoint stores with the kind so the localizer
 * rebuilds the same block before loading its parameters.
 */
package dev.lofi.model.head;
