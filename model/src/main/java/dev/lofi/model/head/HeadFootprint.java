package dev.lofi.model.head;

/**
 * What one video's forward pass through a head costs a training step, in array elements and
 * operations: the trainer's step memory estimate adds it to the encoder's. A head states its own
 * footprint because only its forward knows which arrays it makes (a point pyramid's, a score
 * map's) and how long autograd keeps them.
 *
 * @param activations elements of every array the forward and the loss leave alive until the
 *     step ends (autograd keeps them for backward)
 * @param backward elements of the gradients alive at once while backward runs through the head
 * @param flops the forward's convolutions and matrix products, two operations per multiply-add
 */
public record HeadFootprint(double activations, double backward, double flops) {

  /** Gradients alive at once through a plain layer: the incoming and the outgoing one. */
  public static final double BACKWARD_ARRAYS = 2;

  /** Starts an empty tally. */
  public static Tally tally() {
    return new Tally();
  }

  /** Adds up a head's arrays as its forward makes them. */
  public static final class Tally {
    private double activations;
    private double largest;
    private double flops;

    private Tally() {}

    /** {@code arrays} arrays of {@code elements} each stay alive until the step ends. */
    public Tally arrays(double elements, double arrays) {
      activations += arrays * elements;
      if (arrays > 0) {
        largest = Math.max(largest, elements);
      }
      return this;
    }

    /**
     * A convolution (or matrix product) whose {@code outputs} elements are each a dot product of
     * {@code inputsPerOutput} terms.
     */
    public Tally multiplyAdds(double outputs, double inputsPerOutput) {
      flops += 2 * outputs * inputsPerOutput;
      return this;
    }

    /** The footprint: backward holds {@link #BACKWARD_ARRAYS} of the largest array at once. */
    public HeadFootprint footprint() {
      return new HeadFootprint(activations, BACKWARD_ARRAYS * largest, flops);
    }
  }
}
