package dev.lofi.model.nd;

import ai.djl.ndarray.NDArray;

/**
 * Constants for arithmetic that autograd records, safe on DJL's PyTorch engine.
 *
 * <p>The trap: on the CPU, {@code x.mul(2f)}, {@code x.div(n)}, {@code x.maximum(0f)},
 * {@code x.pow(g)} (every {@code NDArray} op taking a {@code Number}) wrap the number in a
 * temporary 0-d tensor whose memory is a Java direct buffer, run the op, and close the temporary.
 * Ops whose backward saves that operand (mul, div, pow, maximum, minimum) then read it in
 * {@code backward} after the garbage collector may have freed and reused the buffer: sporadic NaN
 * or wrong gradients that depend on GC timing. A scalar made here stays attached to the operand's
 * manager (the step's sub-manager), so it lives until that manager closes, after backward.
 * Ops without a {@code Number} ({@code relu}, {@code softPlus}, {@code square}, {@code clip},
 * ...) are safe as they are.
 */
public final class Scalars {

  private Scalars() {}

  /** A 0-d array holding {@code value}, of {@code like}'s dtype, device and manager. */
  public static NDArray of(NDArray like, double value) {
    return like.getManager().create((float) value).toType(like.getDataType(), false);
  }
}
