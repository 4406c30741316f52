package org.deepgrad.nn;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The one-line summary of a {@link ModelSpec}: the input width and every dense layer's units joined by
 * "-", then each kind of layer once, in order of kind: activations, initializers, batch norm, layer
 * norm, dropout rates, residual. E.g. {@code 784-128-64-32-10 relu, he_normal init, batch norm, dropout 0.2}.
 */
final class SpecSummary {
  private final StringJoiner widths = new StringJoiner("-");
  private final Set<String> activations = new LinkedHashSet<>();
  private final Set<String> inits = new LinkedHashSet<>();
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
    s.inits.forEach(i -> kinds.add(i + " init"));
    if (s.batchNorm) kinds.add("batch norm");
    if (s.layerNorm) kinds.add("layer norm");
    s.dropouts.forEach(p -> kinds.add("dropout " + p));
    if (s.residual) kinds.add("residual");
    return s.widths + (kinds.length() == 0 ? "" : " " + kinds);
  }

  private void visit(List<LayerSpec> layers) {
    for (LayerSpec l : layers) {
      if (l instanceof LayerSpec.Dense d) {
        widths.add(Integer.toString(d.units()));
        if (d.init() != null) inits.add(d.init());
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
}
