package org.deepgrad.optim.transform;

/**
 * Sets subnormal optimizer state to 0 every {@value #EVERY} steps. State that decays geometrically
 * while its weight gets no gradient (a dead unit's momentum, Adam's and RMSprop's averages) sinks
 * through the subnormal range, where every multiply costs a slow microcode assist on x86 (the
 * measured cost is in docs/performance.md). A first moment (β₁ = 0.9) stays subnormal about 150 steps
 * before it underflows to 0 by itself; the flush cuts that to at most {@value #EVERY}. It is a pass of
 * its own because a flush inside an update loop stops the JIT from vectorizing the loop. Values below
 * {@code Float.MIN_NORMAL} (1.2e-38) move θ by less than 1e-30·lr, so results stay torch's.
 */
final class Subnormals {
  static final int EVERY = 16;

  private Subnormals() {}

  /** Whether step {@code t} (a parameter's step count) flushes. */
  static boolean due(long t) {
    return t % EVERY == 0;
  }

  /** Sets the subnormal values of {@code x[from, to)} to 0; a null array is left alone. */
  static void flush(float[] x, int from, int to) {
    if (x == null) return;
    for (int i = from; i < to; i++) if (Math.abs(x[i]) < Float.MIN_NORMAL) x[i] = 0f;
  }
}
