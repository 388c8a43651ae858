package dev.lofi.trainer.stage;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.lofi.model.network.LocalizationNetwork;

/**
 * What pre-training trains: a localization network's encoder on every snippet of a trimmed clip,
 * its features averaged over the clip, and a linear classifier over the clip's classes.
 * {@code [B, L, T, C, H, W]} to class logits {@code [B, K]}. The network's head is part of the
 * block, so one initialisation gives the whole network its parameters, but it is frozen: nothing
 * here trains it, and weight decay leaves it as initialised.
 */
final class ClipClassifier extends AbstractBlock {

  private static final byte VERSION = 1;

  private final LocalizationNetwork network;
  private final Block classifier;

  ClipClassifier(LocalizationNetwork network, int numClasses) {
    super(VERSION);
    if (numClasses < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
    }
    this.network = addChildBlock("network", network);
    this.classifier = addChildBlock("classifier", Linear.builder().setUnits(numClasses).build());
    network.head().freezeParameters(true);
  }

  LocalizationNetwork network() {
    return network;
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray features = network.features(store, inputs.singletonOrThrow(), training, params); // [B, D, L]
    NDArray pooled = features.mean(new int[] {2});                                           // [B, D]
    return classifier.forward(store, new NDList(pooled), training, params);                  // [B, K]
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return classifier.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), network.featureDim())});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    network.initialize(manager, dataType, inputShapes[0]);
    classifier.initialize(manager, dataType, new Shape(inputShapes[0].get(0), network.featureDim()));
  }
}
