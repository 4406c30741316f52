package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Tensor;

/** Turns what a {@link Tap} caught into {@link LayerStats}. */
final class Layers {
  private Layers() {}

  /** The statistics of a tap's layer after backward, from its parameters' statistics. */
  static LayerStats stats(Tap t, List<ParamStats> params) {
    LayerInfo info = t.info;
    Tensor a = t.activation;
    Summary act = a == null ? null : Summary.of(a.data());
    Summary grad = t.gradient == null ? null : Summary.of(t.gradient.data());
    double saturation = a == null ? Double.NaN : Saturation.fraction(info.activation(), a.data());
    int units = a == null || a.rank() == 0 ? 0 : a.dim(a.rank() - 1);
    double dead = a == null ? Double.NaN : Saturation.deadFraction(info.activation(), a.data(), units);
    return new LayerStats(info.name(), info.index(), info.activation(), params, act, grad, saturation, dead);
  }

  /** {@code s} with each parameter's update ratio from its weights {@code before} the step to now. */
  static LayerStats withUpdates(LayerStats s, Tap t, Map<Parameter, float[]> before) {
    List<ParamStats> params = new ArrayList<>();
    int i = 0;
    for (Parameter p : t.params.values()) params.add(s.params().get(i++).withUpdate(before.get(p), p.value().data()));
    return new LayerStats(s.name(), s.index(), s.activationKind(), params, s.activation(), s.outputGrad(),
        s.saturation(), s.deadFraction());
  }
}
