package org.deepgrad.optim;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Parameter.Role;

/** Common ways to split a model's parameters into {@link ParamGroup}s. */
public final class ParamGroups {
  private ParamGroups() {}

  /** One group holding every parameter: what a preset given a plain map uses. */
  public static List<ParamGroup> all(Map<String, Parameter> params) {
    return List.of(ParamGroup.of(params));
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
    return List.of(ParamGroup.of(decayed), ParamGroup.of(kept).weightDecay(0));
  }
}
