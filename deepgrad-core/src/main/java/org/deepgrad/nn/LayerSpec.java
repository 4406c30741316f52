package org.deepgrad.nn;

import java.util.List;
import java.util.Objects;
import org.deepgrad.init.Init;

/**
 * One layer of a {@link ModelSpec}: a value that says what to build, not the built layer, so a model
 * can be described in a config or a model.json and rebuilt. Each record validates its values when
 * made; names are stored trimmed and in lower case, so equal specs compare equal.
 */
public sealed interface LayerSpec {

  /**
   * A dense layer ({@link Linear}, with bias) of {@code units} outputs.
   *
   * <p>{@code init} is an {@link Init#byName} name, drawn with torch's default arguments whatever the
   * activation ({@code xavier_*} and {@code orthogonal} gain 1, {@code kaiming_*} a = 0, fan_in,
   * leaky_relu); {@code NAME:auto} for {@code xavier_*}, {@code kaiming_*} and {@code orthogonal}
   * matches the gain to the activation after the layer ({@code xavier_normal:auto} before tanh: gain
   * 5/3); null (or {@code "default"}, stored as null) is torch's default. The rules are in
   * {@link DenseInit}.
   *
   * @param units the number of outputs, in [1, {@link ModelSpec#MAX_WIDTH}]
   * @param init an initializer name, or null for torch's default
   */
  record Dense(int units, String init) implements LayerSpec {
    /** Checks units is in range and init is null or a known name. */
    public Dense {
      if (units < 1 || units > ModelSpec.MAX_WIDTH) {
        throw new IllegalArgumentException("a dense layer needs units in [1, " + ModelSpec.MAX_WIDTH + "], got " + units);
      }
      init = initName(init);
    }

    /**
     * {@code name} as a spec holds it: trimmed, in lower case, null for torch's default (null or
     * {@code "default"}).
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones), or {@code :auto}
     *     on a name whose scale is fixed
     */
    public static String initName(String name) {
      return DenseInit.normalize(name);
    }
  }

  /**
   * An element-wise activation, {@link Activation#byName} with torch's default parameters.
   *
   * @param name e.g. {@code relu}, {@code leaky_relu}, {@code tanh}
   */
  record Act(String name) implements LayerSpec {
    /** Checks the name is a known activation. */
    public Act {
      if (name == null) throw new IllegalArgumentException("an activation layer needs a name, e.g. relu");
      name = Activation.byName(name).kind().configName(); // throws listing the valid names
    }
  }

  /**
   * Batch normalization over the current width ({@link BatchNorm1d}, with a learned scale and shift).
   *
   * @param eps added to the variance, finite and &gt; 0 (torch's default {@value #EPS})
   * @param momentum the running statistics' update weight, in [0, 1] (torch's default {@value #MOMENTUM})
   */
  record BatchNorm(double eps, double momentum) implements LayerSpec {
    /** torch's default eps of BatchNorm1d and LayerNorm. */
    public static final double EPS = 1e-5;
    /** torch's default momentum of BatchNorm1d. */
    public static final double MOMENTUM = 0.1;

    /** Checks eps and momentum. */
    public BatchNorm {
      checkEps("batch norm", eps);
      if (!(momentum >= 0 && momentum <= 1)) {
        throw new IllegalArgumentException("batch norm momentum must be in [0, 1], got " + momentum + "; torch's default is "
            + MOMENTUM);
      }
    }

    /** torch's defaults: eps 1e-5, momentum 0.1. */
    public BatchNorm() {
      this(EPS, MOMENTUM);
    }
  }

  /**
   * Layer normalization over the current width ({@link LayerNorm}, with a learned scale and shift).
   *
   * @param eps added to the variance, finite and &gt; 0 (torch's default 1e-5)
   */
  record LayerNorm(double eps) implements LayerSpec {
    /** Checks eps. */
    public LayerNorm {
      checkEps("layer norm", eps);
    }

    /** torch's default: eps 1e-5. */
    public LayerNorm() {
      this(BatchNorm.EPS);
    }
  }

  private static void checkEps(String layer, double eps) {
    if (!(eps > 0 && Double.isFinite(eps))) {
      throw new IllegalArgumentException(layer + " eps must be finite and > 0, got " + eps + "; torch's default is "
          + BatchNorm.EPS);
    }
  }

  /**
   * Inverted dropout ({@link org.deepgrad.nn.Dropout}).
   *
   * @param p the probability of zeroing an activation in training, in [0, 1)
   */
  record Dropout(double p) implements LayerSpec {
    /** Checks p is in [0, 1). */
    public Dropout {
      if (!(p >= 0 && p < 1)) {
        throw new IllegalArgumentException("dropout p must be in [0, 1), got " + p
            + "; p = 1 would zero every activation, and 0.1 to 0.5 is usual");
      }
    }
  }

  /**
   * A residual block {@code x + body(x)} ({@link Residual}), with a learned projection of x when the
   * body changes the width.
   *
   * @param body the layers of the residual branch, at least one
   */
  record Residual(List<LayerSpec> body) implements LayerSpec {
    /** Checks the body is not empty; copies it. */
    public Residual {
      if (body == null || body.isEmpty()) {
        throw new IllegalArgumentException("a residual block needs at least one layer in its body");
      }
      if (body.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("a residual body holds a null layer");
      body = List.copyOf(body);
    }
  }
}
