package org.deepgrad.optim;

import java.util.Arrays;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.Parallel;
import org.deepgrad.optim.transform.Fused;

/**
 * One step's one-pass parameter updates ({@link Fused}), gathered then run with every parameter's
 * elements split among the backend's threads: thread p of n updates elements
 * {@code [size·p/n, size·(p+1)/n)} of each. Elements are independent, so the result has the same
 * bits whatever the thread count. The arrays are reused from step to step.
 */
final class FusedUpdates implements Parallel.Task {
  /** Below this many elements in all, the update stays on the calling thread. */
  private static final long MIN_PARALLEL_ELEMENTS = 1 << 15;

  private Fused[] fused = new Fused[8];
  private Object[][] states = new Object[8][];
  private float[][] grads = new float[8][];
  private float[][] thetas = new float[8][];
  private ParamState[] paramStates = new ParamState[8];
  private int count;
  private long elements;

  /** Queues one parameter's update. */
  void add(Fused f, ParamState state, float[] grad, float[] theta) {
    if (count == fused.length) {
      int n = count * 2;
      fused = Arrays.copyOf(fused, n);
      states = Arrays.copyOf(states, n);
      grads = Arrays.copyOf(grads, n);
      thetas = Arrays.copyOf(thetas, n);
      paramStates = Arrays.copyOf(paramStates, n);
    }
    fused[count] = f;
    states[count] = state.linkStates;
    grads[count] = grad;
    thetas[count] = theta;
    paramStates[count++] = state;
    elements += theta.length;
  }

  /** Runs the queued updates and empties the queue. */
  void run() {
    int parts = elements < MIN_PARALLEL_ELEMENTS ? 1 : Backends.current().threads();
    try {
      Parallel.run(parts, this);
    } finally {
      Arrays.fill(grads, 0, count, null); // the arrays are the parameters': hold them only during the step
      Arrays.fill(thetas, 0, count, null);
      count = 0;
      elements = 0;
    }
  }

  @Override
  public void run(int part, int parts) {
    for (int i = 0; i < count; i++) {
      int n = thetas[i].length;
      int from = Parallel.bound(n, part, parts);
      int to = Parallel.bound(n, part + 1, parts);
      if (from < to) fused[i].apply(states[i], grads[i], thetas[i], paramStates[i], from, to);
    }
  }
}
