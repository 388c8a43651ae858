package dev.lofi.model.network;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.lofi.model.head.TalHead;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What LoFi trains jointly: the video encoder on every snippet of a video, its features as a
 * sequence, and a localization head on that sequence, so the head's loss reaches the encoder.
 * Input {@code [B, L, T, C, H, W]}: B videos of L snippets each (L and the frame size change with
 * the fidelity; the parameters do not).
 */
public final class LocalizationNetwork extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Block encoder;
  private final TalHead head;
  private final int featureDim;
  private boolean encoderStatisticsFrozen;

  /**
   * @param encoder maps {@code [N, T, C, H, W]} to {@code [N, featureDim]}
   * @param head takes {@code [B, featureDim, L]}
   */
  public LocalizationNetwork(Block encoder, int featureDim, TalHead head) {
    super(VERSION);
    if (featureDim < 1) {
      throw new IllegalArgumentException("featureDim must be positive, got " + featureDim);
    }
    this.encoder = addChildBlock("encoder", encoder);
    this.head = addChildBlock("head", head);
    this.featureDim = featureDim;
  }

  /** The encoder, alone: feature extraction and freezing use it. */
  public Block encoder() {
    return encoder;
  }

  /** The localization head, alone. */
  public TalHead head() {
    return head;
  }

  /**
   * Whether training runs the encoder's batch norms on the statistics they already hold, as
   * mmaction's and OpenTAD's {@code norm_eval} fine-tunes a pre-trained backbone: their scale and
   * shift still learn, but batches of low-fidelity snippets no longer rewrite the means and
   * variances that full-fidelity inference will use. A training choice, not saved with the
   * parameters.
   */
  public void freezeEncoderStatistics(boolean frozen) {
    this.encoderStatisticsFrozen = frozen;
  }

  /** D, the width of a snippet's feature. */
  public int featureDim() {
    return featureDim;
  }

  /** The feature sequence of a batch of videos: {@code [B, L, T, C, H, W]} to {@code [B, D, L]}. */
  public NDArray features(ParameterStore store, NDArray videos, boolean training, PairList<String, Object> params) {
    Shape shape = videos.getShape();
    requireVideoBatch(shape);
    long batch = shape.get(0);
    long snippets = shape.get(1);
    NDArray flat = videos.reshape(new Shape(batch * snippets).addAll(shape.slice(2)));       // [B*L, T, C, H, W]
    NDArray perSnippet = encoder.forward(store, new NDList(flat), training, params).singletonOrThrow(); // [B*L, D]
    return perSnippet.reshape(batch, snippets, featureDim).transpose(0, 2, 1);                 // [B, D, L]
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray features = features(store, inputs.singletonOrThrow(), training && !encoderStatisticsFrozen, params);
    return head.forward(store, new NDList(features), training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape shape = inputShapes[0];
    return head.getOutputShapes(new Shape[] {new Shape(shape.get(0), featureDim, shape.get(1))});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape shape = inputShapes[0];
    requireVideoBatch(shape);
    encoder.initialize(manager, dataType, new Shape(shape.get(0) * shape.get(1)).addAll(shape.slice(2)));
    head.initialize(manager, dataType, new Shape(shape.get(0), featureDim, shape.get(1)));
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    super.saveMetadata(os);
    os.writeInt(featureDim);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
    super.loadMetadata(loadVersion, is);
    int saved = is.readInt();
    if (saved != featureDim) {
      throw new MalformedModelException("saved network has feature width " + saved + ", this one " + featureDim);
    }
  }

  private static void requireVideoBatch(Shape shape) {
    if (shape.dimension() != 6) {
      throw new IllegalArgumentException("expected videos [B, L, T, C, H, W], got " + shape);
    }
  }
}
