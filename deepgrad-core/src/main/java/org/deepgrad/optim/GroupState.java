package org.deepgrad.optim;

import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Chain;
import org.deepgrad.optim.transform.Fused;

/**
 * A {@link ParamGroup} as an {@link Optimizer} runs it: its parameters, chain (and the chain's
 * one-pass form, or null), hyper-parameters and current lr. The parameters are also held in arrays, with each
 * one's state once it has one, so that a step walks them without iterators or map lookups.
 */
final class GroupState {
  final Map<String, Parameter> params;
  final Chain chain;
  final Fused fused;
  final Hyper<?> hyper;
  final String[] names;
  final Parameter[] parameters;
  final ParamState[] paramStates;
  double lr;

  GroupState(Map<String, Parameter> params, Chain chain, Hyper<?> hyper) {
    this.params = params;
    this.chain = chain;
    this.fused = chain.fused();
    this.hyper = hyper;
    this.lr = hyper.lr();
    this.names = params.keySet().toArray(new String[0]);
    this.parameters = params.values().toArray(new Parameter[0]);
    this.paramStates = new ParamState[names.length];
  }

  /** Refills {@link #paramStates} from {@code byName} (after a state dict replaced them). */
  void relink(Map<String, ParamState> byName) {
    for (int i = 0; i < names.length; i++) paramStates[i] = byName.get(names[i]);
  }
}
