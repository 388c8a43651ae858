package dev.lofi.model.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import dev.lofi.model.nd.Scalars;

/**
 * Layer normalisation over the channels of a channels-first sequence {@code [B, C, T]}, at each
 * time step apart, with a learned scale and shift per channel, as ActionFormer's heads use it.
 * DJL's {@code LayerNorm} normalises the trailing axes, which for {@code [B, C, T]} would mix time
 * steps (and depend on {@code T}).
 */
final class ChannelLayerNorm extends AbstractBlock {

  private static final byte VERSION = 1;
  private static final float EPS = 1e-5f;

  private final int channels;
  private final Parameter gamma;
  private final Parameter beta;

  ChannelLayerNorm(int channels) {
    super(VERSION);
    this.channels = channels;
    this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
        .optShape(new Shape(channels)).optInitializer(Initializer.ONES).build());
    this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
        .optShape(new Shape(channels)).optInitializer(Initializer.ZEROS).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();                                   // [B, C, T]
    NDArray g = store.getValue(gamma, x.getDevice(), training);              // [C]
    NDArray b = store.getValue(beta, x.getDevice(), training);               // [C]
    NDArray centred = x.sub(x.mean(new int[] {1}, true));                   // [B, C, T]
    NDArray variance = centred.square().mean(new int[] {1}, true);          // [B, 1, T]
    NDArray std = variance.add(Scalars.of(x, EPS)).sqrt();                  // [B, 1, T]
    // Broadcast [C] over the last axis rather than reshaping the parameters: every result then
    // belongs to the input's (the step's) manager, none to the parameters' (a leak per step).
    NDArray normalised = centred.div(std).transpose(0, 2, 1);               // [B, T, C]
    return new NDList(normalised.mul(g).add(b).transpose(0, 2, 1));         // [B, C, T]
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // no children
  }
}
