package org.deepgrad.nn;

import org.deepgrad.tensor.Tensor;

/**
 * A module's forward and backward pass on flat row-major float buffers that the pass owns and reuses
 * from step to step, without the tape: the allocation-free path the trainer takes when nothing needs
 * the tape (no hooks, see {@code org.deepgrad.train.TrainStep}). A buffered pass does the arithmetic of
 * its module's ops, in the same order, so both paths give bit-identical results
 * (BufferedPassParityTest holds this).
 *
 * <p>Obtained once per model from {@link Module#bufferedPass()}; not thread-safe; the buffers a pass
 * returns are valid until its next call.
 */
public interface BufferedPass {

  /**
   * The output for {@code rows} rows of {@code x} (row-major, exactly {@code rows × in} values), in
   * the module's current mode: an array of exactly {@code rows × out} values, the pass's own or
   * {@code x} itself.
   */
  float[] forward(float[] x, int rows);

  /**
   * Back-propagates {@code dy} (the gradient at the last forward's output, which this call may
   * overwrite): adds every parameter's gradient into its {@link Tensor#grad()} as autograd does, and
   * returns the gradient at the input ({@code rows × in} values, possibly {@code dy} itself), or null
   * when {@code inputGrad} is false.
   */
  float[] backward(float[] dy, int rows, boolean inputGrad);

  /** The pass of a module that passes its input through. */
  static BufferedPass identity() {
    return new BufferedPass() {
      @Override
      public float[] forward(float[] x, int rows) {
        return x;
      }

      @Override
      public float[] backward(float[] dy, int rows, boolean inputGrad) {
        return inputGrad ? dy : null;
      }
    };
  }

  /** {@code buffer} when it holds exactly {@code n} values, else a new array of {@code n}. */
  static float[] sized(float[] buffer, int n) {
    return buffer != null && buffer.length == n ? buffer : new float[n];
  }
}
