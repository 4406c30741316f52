package org.deepgrad.optim;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Parameter.Role;

/**
 * Named parameters sharing hyper-parameters, as a torch param group: each may override the
 * optimizer's learning rate and weight decay ({@code null} means "inherit"). The common splits of a
 * model's parameters are {@link #all} and {@link #decayExcept}.
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

  /** One group holding every parameter: what a preset given a plain map uses. */
  public static List<ParamGroup> all(Map<String, Parameter> params) {
    return List.of(of(params));
  }

  /**
   * Two groups: parameters whose role is not listed (decayed with the optimizer's weight decay),
   * then those whose role is listed, with weight decay 0. The usual recipe is
   * {@code decayExcept(params, Role.BIAS, Role.NORM)}: decaying biases and normalization
   * scales does not regularise the function the layer computes and can hurt. Either group may be
   * empty; the order of parameters within each is kept.
   */
  public static List<ParamGroup> decayExcept(Map<String, Parameter> params, Role first, Role... more) {
    EnumSet<Role> exempt = EnumSet.of(first, more);
    Map<String, Parameter> decayed = new LinkedHashMap<>();
    Map<String, Parameter> kept = new LinkedHashMap<>();
    params.forEach((name, p) -> (exempt.contains(p.role()) ? kept : decayed).put(name, p));
    return List.of(of(decayed), of(kept).weightDecay(0));
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
