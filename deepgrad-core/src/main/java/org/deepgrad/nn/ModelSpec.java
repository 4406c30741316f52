package org.deepgrad.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deepgrad.tensor.Rng;

/**
 * A model as a value: the number of input features and the layers, in order. It is what a config
 * or a model.json holds; {@link #build(Rng)} turns it into a {@link Sequential}, and equal specs
 * built with equal seeds give bit-identical models.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpec.mlp(784, new int[] {128, 64, 32}, 10, "relu", "he_normal", true, 0.2, false);
 * spec.describe();  // "784-128-64-32-10 relu, he_normal init (gain 1.414), batch norm, dropout 0.2"
 * Sequential model = spec.build(new Rng(42));
 * }</pre>
 *
 * @param inputs the number of input features, in [1, {@link #MAX_WIDTH}]
 * @param layers at least one, with at least one dense layer; at most {@link #MAX_LAYERS} in all
 */
public record ModelSpec(int inputs, List<LayerSpec> layers) {
  /** The largest number of inputs or units of a layer: beyond any network this library trains. */
  public static final int MAX_WIDTH = 1 << 24;
  /** The most layers a spec holds, counting those inside residual blocks. */
  public static final int MAX_LAYERS = 1000;

  /** Validates the inputs and the layers (see the parameters); copies the list. */
  public ModelSpec {
    if (inputs < 1 || inputs > MAX_WIDTH) {
      throw new IllegalArgumentException("a model needs inputs in [1, " + MAX_WIDTH + "], got " + inputs);
    }
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one layer; end it with a dense layer of the outputs");
    }
    if (layers.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("a model holds a null layer");
    layers = List.copyOf(layers);
    SpecWalk walk = SpecWalk.of(inputs, layers);
    if (walk.layerCount() > MAX_LAYERS) {
      throw new IllegalArgumentException("a model holds " + walk.layerCount() + " layers, more than the limit of " + MAX_LAYERS);
    }
    if (!walk.hasDense()) {
      throw new IllegalArgumentException("a model needs at least one dense layer; its layers are " + layers);
    }
    DenseInit.check(layers);
  }

  /** The model, drawing initial weights and dropout generators from {@code rng}; in training mode. */
  public Sequential build(Rng rng) {
    return SpecBuilder.build(this, rng);
  }

  /** The number of outputs: the width after the last layer. */
  public int outputs() {
    return SpecWalk.of(inputs, layers).width();
  }

  /**
   * The number of values in the built model's state dict (parameters and buffers), found without
   * building it: a reader can compare it with a weights file before allocating the model.
   */
  public long stateSize() {
    return SpecWalk.of(inputs, layers).stateSize();
  }

  /**
   * A multilayer perceptron: per hidden width {@code h}, Dense(h, init) → [BatchNorm] → Act(activation)
   * → [Dropout(dropout) when dropout &gt; 0], that block wrapped in a Residual when {@code residual} and
   * its width equals the one before it; then Dense(outputs, init) with no activation (logits or
   * regression outputs).
   *
   * @param activation an {@link Activation#byName} name (unused when {@code hidden} is empty)
   * @param init an initializer name for every dense layer ({@link LayerSpec.Dense}), or null for torch's default
   * @param dropout in [0, 1); 0 adds no dropout layers
   */
  public static ModelSpec mlp(int inputs, int[] hidden, int outputs, String activation, String init,
      boolean batchNorm, double dropout, boolean residual) {
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("mlp dropout must be in [0, 1) (0 for none), got " + dropout);
    }
    List<LayerSpec> layers = new ArrayList<>();
    int width = inputs;
    for (int h : hidden) {
      List<LayerSpec> block = new ArrayList<>();
      block.add(new LayerSpec.Dense(h, init));
      if (batchNorm) block.add(new LayerSpec.BatchNorm());
      block.add(new LayerSpec.Act(activation));
      if (dropout > 0) block.add(new LayerSpec.Dropout(dropout));
      if (residual && h == width) layers.add(new LayerSpec.Residual(block)); else layers.addAll(block);
      width = h;
    }
    layers.add(new LayerSpec.Dense(outputs, init));
    return new ModelSpec(inputs, layers);
  }

  /**
   * The initializer of each {@link Linear} of the built model, in the order the input meets them (a
   * residual block's body, then its projection), which is how diagnostics number layers: each dense
   * layer's name as the spec holds it, null for torch's default; null for a projection, which is drawn
   * with torch's default.
   */
  public List<String> linearInits() {
    List<String> out = new ArrayList<>();
    linearInits(inputs, layers, out);
    return out;
  }

  /** Adds the initializers of the Linears of {@code layers} from an input of {@code width}; returns the width after. */
  private static int linearInits(int width, List<LayerSpec> layers, List<String> out) {
    for (LayerSpec l : layers) {
      if (l instanceof LayerSpec.Dense d) {
        out.add(d.init());
        width = d.units();
      } else if (l instanceof LayerSpec.Residual r) {
        int after = linearInits(width, r.body(), out);
        if (after != width) out.add(null);
        width = after;
      }
    }
    return width;
  }

  /** A one-line summary: the widths, then the kinds of layers, e.g. {@code 784-128-10 relu, dropout 0.2}. */
  public String describe() {
    return SpecSummary.of(this);
  }

  /** The same as {@link #describe()}. */
  @Override
  public String toString() {
    return describe();
  }
}
