package org.deepgrad.nn;

import java.util.List;
import java.util.Locale;
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
   * <p>{@code init} is an {@link Init#byName} name, or null for torch's default. The torch-style names
   * whose functions take a gain or a nonlinearity ({@code xavier_*}, {@code kaiming_*},
   * {@code orthogonal}) get the one of the activation that follows the layer (skipping normalization
   * and dropout, up to the next dense or residual layer), as torch's documentation recommends: tanh
   * after {@code xavier_normal} gives gain 5/3. No activation there means linear (gain 1); one that
   * torch's {@code calculate_gain} does not know (elu, gelu, softplus, softsign, hardtanh) keeps the
   * name's default. The Keras-style names are fixed, as in Keras: {@code glorot_*} gain 1,
   * {@code he_*} for ReLU, {@code lecun_*} gain 1; so {@code glorot_normal} before ReLU is the plain
   * Xavier init of the Xavier-versus-He comparison.
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
      if (init != null) {
        init = init.trim().toLowerCase(Locale.ROOT);
        Init.byName(init); // throws listing the valid names
      }
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

  /** Batch normalization over the current width ({@link BatchNorm1d}, torch's defaults). */
  record BatchNorm() implements LayerSpec {}

  /** Layer normalization over the current width ({@link LayerNorm}, torch's defaults). */
  record LayerNorm() implements LayerSpec {}

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
