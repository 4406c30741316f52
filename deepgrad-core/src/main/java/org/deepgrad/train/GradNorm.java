package org.deepgrad.train;

import org.deepgrad.backend.Backends;
import org.deepgrad.backend.Parallel;
import org.deepgrad.nn.Parameter;
import org.deepgrad.ops.SumOfSquares;
import org.deepgrad.tensor.Tensor;

/**
 * The squared global norm of the parameters' gradients, {@code Σ_p SumOfSquares.of(grad_p)}, with the
 * parameters' {@link SumOfSquares#CHUNK chunks} shared among the backend's threads: each chunk's sum
 * lands in its own slot and the slots are added in the serial order, so the result has the same bits
 * as the serial sum whatever the thread count (the clipping and diagnostics norms agree with it).
 */
final class GradNorm implements Parallel.Task {
  /** Below this many chunks the work stays on the calling thread. */
  private static final int MIN_PARALLEL_CHUNKS = 4;

  private final Parameter[] params;
  /** Per chunk: its parameter's index and first element. */
  private final int[] chunkParam;
  private final int[] chunkFrom;
  private final double[] chunkSum;
  private final float[][] grads;

  GradNorm(Parameter[] params) {
    this.params = params;
    int chunks = 0;
    for (Parameter p : params) chunks += chunks(p.value().size());
    chunkParam = new int[chunks];
    chunkFrom = new int[chunks];
    chunkSum = new double[chunks];
    grads = new float[params.length][];
    int c = 0;
    for (int i = 0; i < params.length; i++) {
      for (int from = 0; from < params[i].value().size(); from += SumOfSquares.CHUNK) {
        chunkParam[c] = i;
        chunkFrom[c++] = from;
      }
    }
  }

  private static int chunks(int size) {
    return (size + SumOfSquares.CHUNK - 1) / SumOfSquares.CHUNK;
  }

  /** The squared norm of the current gradients (parameters without one count 0). */
  double squared() {
    for (int i = 0; i < params.length; i++) {
      Tensor g = params[i].grad();
      grads[i] = g == null ? null : g.data();
    }
    int parts = chunkSum.length < MIN_PARALLEL_CHUNKS ? 1 : Math.min(Backends.current().threads(), chunkSum.length);
    Parallel.run(parts, this);
    double sq = 0;
    int c = 0;
    for (int i = 0; i < params.length; i++) {
      double p = 0;
      for (int n = chunks(params[i].value().size()); n > 0; n--) p += chunkSum[c++];
      if (grads[i] != null) sq += p;
    }
    return sq;
  }

  @Override
  public void run(int part, int parts) {
    int end = Parallel.bound(chunkSum.length, part + 1, parts);
    for (int c = Parallel.bound(chunkSum.length, part, parts); c < end; c++) {
      float[] g = grads[chunkParam[c]];
      chunkSum[c] = g == null ? 0 : SumOfSquares.of(g, chunkFrom[c], Math.min(g.length, chunkFrom[c] + SumOfSquares.CHUNK));
    }
  }
}
