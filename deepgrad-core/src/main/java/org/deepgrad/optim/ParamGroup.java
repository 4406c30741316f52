package org.deepgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.nn.Parameter;

/**
 * Named parameters sharing hyper-parameters, as a torch param group: each may override the
 * optimizer's learning rate and weight decay ({@code null} means "inherit").
 *
 * <pre>{@code ParamGroup.of(head).lr(1e-2).weightDecay(0)}</pre>
 */
public record ParamGroup(Map<String, Parameter> params, Double lr, Double weightDecay) {

  /** Copies {@code params} into an unmodifiable map, keeping their order. */
  public ParamGroup {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A group of {@code params} (in their order) with no overrides. */
  public static ParamGroup of(Map<String, Parameter> params) {
    return new ParamGroup(params, null, null);
  }

  /** This group with its own learning rate. */
  public ParamGroup lr(double value) {
    return new ParamGroup(params, value, weightDecay);
  }

  /** This group with its own weight decay (0 for biases and norm layers, typically). */
  public ParamGroup weightDecay(double value) {
    return new ParamGroup(params, lr, value);
  }

  /** {@code hyper} with this group's overrides applied (and validated by the record). */
  <H extends Hyper<H>> H apply(H hyper) {
    H h = lr == null ? hyper : hyper.lr(lr);
    return weightDecay == null ? h : h.weightDecay(weightDecay);
  }
}
