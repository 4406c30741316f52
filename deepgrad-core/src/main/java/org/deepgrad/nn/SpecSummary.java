package org.deepgrad.nn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The one-line summary of a {@link ModelSpec}: the input width and every dense layer's units joined by
 * "-", then each kind of layer once, in order of kind: activations, initializers, batch norm, layer
 * norm, dropout rates, residual. E.g. {@code 784-128-64-32-10 relu, he_normal init (gain 1.414), batch norm,
 * dropout 0.2}. An initializer with a gain ({@link DenseInit}) says which gain its dense layers got,
 * numbering the dense layers from 1 at the input when they differ:
 * {@code xavier_normal:auto init (gain 1.414 for dense layers 1-30, 1 for 31)}.
 */
final class SpecSummary {
  private final StringJoiner widths = new StringJoiner("-");
  private final Set<String> activations = new LinkedHashSet<>();
  /** Per initializer name, the dense layers drawn with it. */
  private final Map<String, List<Drawn>> inits = new LinkedHashMap<>();
  private int dense;
  private final Set<String> dropouts = new LinkedHashSet<>();
  private boolean batchNorm;
  private boolean layerNorm;
  private boolean residual;

  private SpecSummary() {}

  static String of(ModelSpec spec) {
    SpecSummary s = new SpecSummary();
    s.widths.add(Integer.toString(spec.inputs()));
    s.visit(spec.layers());
    StringJoiner kinds = new StringJoiner(", ");
    s.activations.forEach(kinds::add);
    s.inits.forEach((name, layers) -> kinds.add(name + " init" + gains(layers)));
    if (s.batchNorm) kinds.add("batch norm");
    if (s.layerNorm) kinds.add("layer norm");
    s.dropouts.forEach(p -> kinds.add("dropout " + p));
    if (s.residual) kinds.add("residual");
    return s.widths + (kinds.length() == 0 ? "" : " " + kinds);
  }

  private void visit(List<LayerSpec> layers) {
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      if (l instanceof LayerSpec.Dense d) {
        widths.add(Integer.toString(d.units()));
        dense++;
        OptionalDouble gain = DenseInit.gain(layers, i);
        if (d.init() != null) {
          inits.computeIfAbsent(d.init(), k -> new ArrayList<>()).add(new Drawn(dense, gain.orElse(Double.NaN)));
        }
      } else if (l instanceof LayerSpec.Act a) {
        activations.add(a.name());
      } else if (l instanceof LayerSpec.BatchNorm) {
        batchNorm = true;
      } else if (l instanceof LayerSpec.LayerNorm) {
        layerNorm = true;
      } else if (l instanceof LayerSpec.Dropout d) {
        dropouts.add(BigDecimal.valueOf(d.p()).stripTrailingZeros().toPlainString());
      } else if (l instanceof LayerSpec.Residual r) {
        residual = true;
        visit(r.body());
      }
    }
  }

  /** A dense layer, numbered from 1 at the input, and the gain it was drawn with (NaN: none). */
  private record Drawn(int number, double gain) {}

  /**
   * " (gain G)" when the layers are consecutive and all got G, else each run of consecutive layers with
   * one gain: " (gain G1 for dense layers 1-30, G2 for 31)"; "" for an initializer without a gain.
   */
  private static String gains(List<Drawn> layers) {
    if (Double.isNaN(layers.get(0).gain())) return "";
    List<String> runs = new ArrayList<>();
    int start = 0;
    for (int k = 1; k <= layers.size(); k++) {
      if (k < layers.size() && layers.get(k).gain() == layers.get(start).gain()
          && layers.get(k).number() == layers.get(k - 1).number() + 1) {
        continue;
      }
      int from = layers.get(start).number();
      int to = layers.get(k - 1).number();
      runs.add(gain(layers.get(start).gain()) + (runs.isEmpty() ? " for dense layers " : " for ")
          + (from == to ? from : from + "-" + to));
      start = k;
    }
    return " (gain " + (runs.size() == 1 ? gain(layers.get(0).gain()) : String.join(", ", runs)) + ")";
  }

  /** A gain to 3 decimals, without trailing zeros: 1.414, 1.667, 1. */
  private static String gain(double g) {
    return BigDecimal.valueOf(Math.round(g * 1000) / 1000.0).stripTrailingZeros().toPlainString();
  }
}
