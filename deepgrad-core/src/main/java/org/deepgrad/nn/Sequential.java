package org.deepgrad.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deepgrad.init.Initializer;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * Layers applied in order, named {@code "0"}, {@code "1"}, ... as in {@code torch.nn.Sequential}.
 * {@link #builder(int, Rng)} builds the common MLP in the style of Keras:
 *
 * <pre>{@code
 * Sequential model = Sequential.builder(784, new Rng(42))
 *     .init(Init.heNormal())
 *     .dense(128, Activation.relu()).batchNorm().dropout(0.2f)
 *     .dense(10)
 *     .build();
 * }</pre>
 */
public final class Sequential extends Module {
  private final List<Module> layers;

  /** The given layers, applied in order. */
  public Sequential(Module... layers) {
    this(List.of(layers));
  }

  /** The given layers (copied), applied in order. */
  public Sequential(List<? extends Module> layers) {
    this.layers = List.copyOf(layers);
    for (int i = 0; i < this.layers.size(); i++) registerModule(Integer.toString(i), this.layers.get(i));
  }

  /** Applies each layer through {@link Module#call}, so the layers' forward hooks fire. */
  @Override
  public Tensor forward(Tensor x) {
    for (Module m : layers) x = m.call(x);
    return x;
  }

  /** The chain of the layers' buffered passes, or null when one of them has none. */
  @Override
  public BufferedPass bufferedPass() {
    List<BufferedPass> ks = new java.util.ArrayList<>();
    for (Module m : layers) {
      BufferedPass k = m.bufferedPass();
      if (k == null) return null;
      ks.add(k);
    }
    return new SequentialPass(layers, ks);
  }

  /** The layers, in order. */
  public List<Module> layers() {
    return layers;
  }

  /** A builder for a network taking {@code inputs} features, drawing initial weights from {@code rng}. */
  public static Builder builder(int inputs, Rng rng) {
    return new Builder(inputs, rng);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Sequential(");
    for (int i = 0; i < layers.size(); i++) sb.append(i == 0 ? "" : ", ").append(layers.get(i));
    return sb.append(')').toString();
  }

  /** Adds layers while tracking the width, so each layer knows its input size. */
  public static final class Builder {
    private final List<Module> layers = new ArrayList<>();
    private final Rng rng;
    private int width;
    private Initializer init;

    private Builder(int inputs, Rng rng) {
      if (inputs < 1) throw new IllegalArgumentException("a network needs at least one input feature, got " + inputs);
      this.width = inputs;
      this.rng = rng;
    }

    /** The initializer for the weights of the dense layers added after this call (null: torch's default). */
    public Builder init(Initializer init) {
      this.init = init;
      return this;
    }

    /** A dense layer of {@code units} outputs, with bias. */
    public Builder dense(int units) {
      layers.add(new Linear(width, units, true, init, rng));
      width = units;
      return this;
    }

    /** A dense layer followed by an activation. */
    public Builder dense(int units, Activation activation) {
      return dense(units).add(activation);
    }

    /** A {@link BatchNorm1d} over the current width, torch's defaults. */
    public Builder batchNorm() {
      return add(new BatchNorm1d(width));
    }

    /** A {@link BatchNorm1d} over the current width with this eps and momentum. */
    public Builder batchNorm(float eps, float momentum) {
      return add(new BatchNorm1d(width, eps, momentum, true));
    }

    /** A {@link LayerNorm} over the current width, torch's defaults. */
    public Builder layerNorm() {
      return add(new LayerNorm(width));
    }

    /** A {@link LayerNorm} over the current width with this eps. */
    public Builder layerNorm(float eps) {
      return add(new LayerNorm(width, eps, true));
    }

    /** Inverted dropout with probability p, drawing masks from the builder's generator. */
    public Builder dropout(float p) {
      return add(new Dropout(p, rng.fork()));
    }

    /**
     * A residual block {@code x + body(x)} whose body is built by {@code body} from the current width;
     * a projection is added when the body changes the width.
     */
    public Builder residual(UnaryOperator<Builder> body) {
      Builder inner = new Builder(width, rng).init(init);
      body.apply(inner);
      Sequential f = inner.build();
      layers.add(new Residual(f, width, inner.width, rng));
      width = inner.width;
      return this;
    }

    /** Any layer: one that keeps the width (an activation, a normalization) or a {@link Linear}. */
    public Builder add(Module layer) {
      if (layer instanceof Linear l) {
        if (l.inFeatures() != width) {
          throw new IllegalArgumentException("cannot add " + l + " after a layer of width " + width
              + "; its input size must be " + width);
        }
        width = l.outFeatures();
      }
      layers.add(layer);
      return this;
    }

    /** The current width: the number of features the next layer receives. */
    public int width() {
      return width;
    }

    /** The model: the layers added so far, in order. */
    public Sequential build() {
      return new Sequential(layers);
    }
  }
}
