package org.deepgrad.nn;

import java.util.List;
import org.deepgrad.tensor.Rng;

/**
 * Builds the {@link Sequential} a {@link ModelSpec} describes, through {@link Sequential#builder}, each
 * dense layer with the initializer {@link DenseInit} gives it.
 */
final class SpecBuilder {
  private SpecBuilder() {}

  static Sequential build(ModelSpec spec, Rng rng) {
    return add(Sequential.builder(spec.inputs(), rng), spec.layers()).build();
  }

  private static Sequential.Builder add(Sequential.Builder b, List<LayerSpec> layers) {
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec l = layers.get(i);
      if (l instanceof LayerSpec.Dense d) {
        b.init(DenseInit.of(layers, i)).dense(d.units());
      } else if (l instanceof LayerSpec.Act a) {
        b.add(Activation.byName(a.name()));
      } else if (l instanceof LayerSpec.BatchNorm n) {
        b.batchNorm((float) n.eps(), (float) n.momentum());
      } else if (l instanceof LayerSpec.LayerNorm n) {
        b.layerNorm((float) n.eps());
      } else if (l instanceof LayerSpec.Dropout d) {
        b.dropout((float) d.p());
      } else {
        b.residual(inner -> add(inner, ((LayerSpec.Residual) l).body()));
      }
    }
    return b;
  }
}
