/**
 * G-TAD, the graph head of the LoFi paper's tables: GCNeXt blocks over temporal and semantic
 * edges, SGAlign over every candidate segment, a start-by-duration score map trained with BMN's
 * losses, and a classification branch of its own. Registered in {@link dev.lofi.model.head.TalHeads}
 * as {@code gtad}.
 */
package dev.lofi.model.head.gtad;
