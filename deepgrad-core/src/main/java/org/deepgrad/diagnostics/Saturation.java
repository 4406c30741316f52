package org.deepgrad.diagnostics;

import org.deepgrad.nn.Activation;

/**
 * Where an activation has stopped passing gradient: the saturated fraction of a saturating
 * activation and the dead units of a ReLU. Both are NaN for activations where they are not defined.
 *
 * <pre>
 * saturated, per activation value a (the thresholds of the Glorot &amp; Bengio 2010 analysis):
 *   sigmoid   a &lt; 0.01 or a &gt; 0.99   (σ' = a(1 − a) &lt; 0.0099, 4% of its maximum 1/4)
 *   tanh      |a| &gt; 0.99             (tanh' = 1 − a² &lt; 0.02, 2% of its maximum 1)
 *   softsign  |a| &gt; 0.9              (softsign' = (1 − |a|)² &lt; 0.01, 1% of its maximum 1)
 * dead: a ReLU unit (column of a [batch, units] activation) whose output is 0 for every row of the batch:
 *   it passes no gradient to its weights on that batch (Maas et al. 2013; Lu et al. 2019, "Dying ReLU")
 * </pre>
 */
public final class Saturation {
  /** Sigmoid outputs below this, or above 1 minus it, are saturated. */
  public static final double SIGMOID_MARGIN = 0.01;
  /** Tanh outputs with |a| above this are saturated. */
  public static final double TANH_LIMIT = 0.99;
  /** Softsign outputs with |a| above this are saturated. */
  public static final double SOFTSIGN_LIMIT = 0.9;

  private Saturation() {}

  /** The fraction of finite values of {@code a} in the saturated range of {@code kind}; NaN for other kinds. */
  public static double fraction(Activation.Kind kind, float[] a) {
    if (kind != Activation.Kind.SIGMOID && kind != Activation.Kind.TANH && kind != Activation.Kind.SOFTSIGN) {
      return Double.NaN;
    }
    long saturated = 0;
    long finite = 0;
    for (float v : a) {
      if (!Float.isFinite(v)) continue;
      finite++;
      boolean sat = switch (kind) { // compared in float, the activations' precision: 0.99f is not above 0.99
        case SIGMOID -> v < (float) SIGMOID_MARGIN || v > (float) (1 - SIGMOID_MARGIN);
        case TANH -> Math.abs(v) > (float) TANH_LIMIT;
        default -> Math.abs(v) > (float) SOFTSIGN_LIMIT;
      };
      if (sat) saturated++;
    }
    return finite == 0 ? Double.NaN : (double) saturated / finite;
  }

  /**
   * The fraction of units of a ReLU activation {@code a} (row-major, {@code units} values per row)
   * that are 0 on every row; NaN for other kinds.
   */
  public static double deadFraction(Activation.Kind kind, float[] a, int units) {
    if (kind != Activation.Kind.RELU || units == 0) return Double.NaN;
    int dead = 0;
    for (int u = 0; u < units; u++) {
      boolean alive = false;
      for (int i = u; i < a.length && !alive; i += units) alive = a[i] != 0;
      if (!alive) dead++;
    }
    return (double) dead / units;
  }
}
